using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tools.Results;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// Drives wizard sessions over MCP. With a client that shows forms, each question is an elicitation round
/// (<see cref="InputRequiredException"/>; native round trips on 2026-07-28, bridged to <c>elicitation/create</c>
/// before), at most <see cref="MaxQuestionsPerCall"/> per call, ending with the preview, the confirmation and the
/// run. Without forms, it returns <c>needs_input</c> with the pending question, and then the plan to confirm
/// with <c>confirm_bulk_operation</c>: no call that plans can also confirm.
/// </summary>
public sealed class WizardConversation(
    WizardSessionStore sessions,
    RequestStateCodec codec,
    IRegistryGatewayProvider registries,
    IEnumerable<IBulkOperation> operations,
    IPlanStore plans,
    PlanApprovals approvals,
    ExecutionLauncher launcher,
    WizardReplies replies)
{
    public const int MaxQuestionsPerCall = 8;
    public const string UserConfirmed = "user (elicitation)";
    public const string AssistantConfirmed = "assistant (tool call)";
    private const string AnswerKey = "answer";
    private const string AnswerNext =
        "Answer with bulk_wizard_answer(session_id, answers: {field: value}); action 'back' returns to the previous question, 'cancel' ends the wizard.";

    private readonly IReadOnlyList<IBulkOperation> _operations = [.. operations];

    public WizardSession Open(string? registry, WizardStartArguments arguments)
    {
        if (arguments.Config.Validate() is { } invalid)
        {
            throw new WizardInputException(invalid);
        }

        var gateway = registries.Get(registry);
        var session = sessions.Create(new OperationWizard(_operations, gateway), gateway.Registry.Name);
        session.Config = arguments.Config;
        ArgumentProposals.Apply(session, arguments);
        var state = ConversationState.Of(session);
        state.DryRunOnly = arguments.DryRun == true;
        state.WaitSeconds = arguments.WaitSeconds;
        return session;
    }

    /// <summary>The session a signed request state points at, or null when the state is not ours.</summary>
    public string? SessionIdFrom(string? requestState) => codec.Decode(requestState)?.SessionId;

    private WizardSession OpenForPlan(OperationPlan plan, int waitSeconds)
    {
        var session = sessions.Create(new PlannedWizard(plan.OperationType), plan.Registry);
        session.PlanId = plan.Id;
        var state = ConversationState.Of(session);
        state.Plan = plan;
        state.Stage = ConversationStage.Preview;
        state.WaitSeconds = waitSeconds;
        return session;
    }

    public WizardSession Resume(string sessionId) =>
        sessions.Find(sessionId) ?? throw new WizardInputException(
            $"session_id: '{sessionId}' is unknown or expired (sessions end after {WizardSessionStore.IdleExpiry.TotalMinutes:0} idle minutes); start a new wizard.");

    /// <summary>The forms path: asks through elicitation until the plan runs, is cancelled, or this call has asked enough.</summary>
    public async Task<WizardReply> ConverseAsync(
        McpServer server, RequestContext<CallToolRequestParams> request, WizardSession session, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            var state = ConversationState.Of(session);
            var incoming = codec.Decode(request.Params?.RequestState);
            string? notice = null;
            if (incoming is not null && request.Params?.InputResponses?.TryGetValue(AnswerKey, out var response) == true)
            {
                var result = response.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
                if (result is not { IsAccepted: true })
                {
                    return Cancelled(session, result?.Action == "decline" ? "declined" : "cancelled");
                }

                var taken = await TakeAnswerAsync(session, state, incoming.StepId, ElicitationAnswers.ToJson(result.Content), progress, cancellationToken);
                if (taken.Reply is not null)
                {
                    return taken.Reply;
                }

                notice = taken.Notice;
            }

            var question = await NextAsync(session, state, cancellationToken);
            if (question is null)
            {
                return await RunAsync(session, state, dryRun: true, UserConfirmed, progress, cancellationToken);
            }

            var round = incoming?.Round ?? 0;
            if (round >= MaxQuestionsPerCall)
            {
                // The bridge to elicitation/create stops after 10 rounds; this call stops asking before that.
                const string resume = "This call has asked its questions. Continue with start_bulk_wizard(session_id), or without forms with bulk_wizard_answer";
                return state.Plan is null
                    ? WizardReplies.NeedsInput(session, question, notice is null ? [] : [notice], resume + ".")
                    
                    : replies.PlannedReply(state.Plan) with { SessionId = session.Id, Message = resume + " / confirm_bulk_operation." };
            }

            var form = ElicitationForms.Build(question, server.NegotiatedProtocolVersion, notice);
            throw new InputRequiredException(
                new Dictionary<string, InputRequest> { [AnswerKey] = InputRequest.ForElicitation(form) },
                codec.Encode(new RequestState(session.Id, question.StepId, round + 1)));
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>
    /// <c>confirm_bulk_operation</c> with a client that shows forms: the person sees the preview and confirms
    /// (a destructive plan gets its dry run first, then a typed YES); any confirmation argument is ignored.
    /// </summary>
    public Task<WizardReply> ConfirmAsync(
        McpServer server, RequestContext<CallToolRequestParams> request, OperationPlan? plan, int waitSeconds, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var session = SessionIdFrom(request.Params?.RequestState) is { } id
            ? Resume(id)
            : OpenForPlan(plan ?? throw new WizardInputException("plan_id: no plan to confirm."), waitSeconds);
        return ConverseAsync(server, request, session, progress, cancellationToken);
    }

    /// <summary>The no-forms path: the pending question, or the plan once every answer is in.</summary>
    public async Task<WizardReply> AdvanceAsync(WizardSession session, IReadOnlyList<string> errors, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var state = ConversationState.Of(session);
        if (state.Plan is null)
        {
            var question = await WizardEngine.NextQuestionAsync(session, cancellationToken);
            if (question is not null)
            {
                return WizardReplies.NeedsInput(session, question, errors, AnswerNext);
            }

            state.Plan = await PlanAsync(session, cancellationToken);
        }

        state.Stage = ConversationStage.Finished;
        return state.DryRunOnly
            ? await RunAsync(session, state, dryRun: true, AssistantConfirmed, progress, cancellationToken)
            : Planned(session, state.Plan);
    }

    /// <summary><c>bulk_wizard_answer</c>: answer the pending question, go back, or cancel.</summary>
    public async Task<WizardReply> AnswerAsync(WizardSession session, string action, JsonObject answers, CancellationToken cancellationToken)
    {
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            switch (action)
            {
                case "cancel":
                    return Cancelled(session, "cancelled");
                case "back":
                    ResetPlan(session);
                    return WizardEngine.Back(session)
                        ? await AdvanceAsync(session, [], null, cancellationToken)
                        : await AdvanceAsync(session, ["back: already at the first question."], null, cancellationToken);
                case "answer":
                    if (ConversationState.Of(session).Plan is not null)
                    {
                        return await AdvanceAsync(session, ["answers: every question is answered; confirm the plan with confirm_bulk_operation, or use action 'back'."], null, cancellationToken);
                    }

                    await WizardEngine.NextQuestionAsync(session, cancellationToken);
                    var errors = WizardEngine.Submit(session, answers);
                    return await AdvanceAsync(session, errors, null, cancellationToken);
                default:
                    throw new WizardInputException($"action: '{action}' is not allowed: use answer, back or cancel.");
            }
        }
        finally
        {
            session.Gate.Release();
        }
    }

    private async Task<Question?> NextAsync(WizardSession session, ConversationState state, CancellationToken cancellationToken)
    {
        if (state.Stage == ConversationStage.Asking)
        {
            if (await WizardEngine.NextQuestionAsync(session, cancellationToken) is { } question)
            {
                return question;
            }

            state.Plan = await PlanAsync(session, cancellationToken);
            state.Stage = ConversationStage.Preview;
        }

        var plan = state.Plan!;
        if (state.DryRunOnly)
        {
            return null;
        }

        if (state.Stage == ConversationStage.Preview)
        {
            return PlanStageQuestions.Preview(plan);
        }

        if (plan.IsDestructive && state.DryRunSummary is null)
        {
            // A destructive plan needs a dry run of this very plan before its typed YES.
            var dryRun = launcher.Start(plan, dryRun: true, UserConfirmed);
            await dryRun.Completion.WaitAsync(cancellationToken);
            state.DryRunSummary = dryRun.Result?.Summary ?? dryRun.Message;
        }

        return PlanStageQuestions.Confirm(plan, state);
    }

    private async Task<(WizardReply? Reply, string? Notice)> TakeAnswerAsync(
        WizardSession session, ConversationState state, string stepId, JsonObject content, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var expected = state.Stage switch
        {
            ConversationStage.Preview => PlanStageQuestions.PreviewStep,
            ConversationStage.Confirm => PlanStageQuestions.ConfirmStep,
            _ => session.Pending?.StepId,
        };
        if (stepId != expected)
        {
            return (null, "That answer was for an earlier question; here is the current one.");
        }

        if (state.Stage == ConversationStage.Asking)
        {
            var errors = WizardEngine.Submit(session, content);
            return (null, errors.Count == 0 ? null : string.Join(" ", errors));
        }

        var question = state.Stage == ConversationStage.Preview ? PlanStageQuestions.Preview(state.Plan!) : PlanStageQuestions.Confirm(state.Plan!, state);
        var field = question.Fields[0];
        var answer = field.Validate(content[field.Key]);
        if (!answer.IsValid)
        {
            return (null, answer.Error);
        }

        if (state.Stage == ConversationStage.Preview)
        {
            state.ViewDetails = answer.Value!.GetValue<bool>();
            state.Stage = ConversationStage.Confirm;
            return (null, null);
        }

        var decision = field.Key == PlanStageQuestions.Confirmation ? PlanStageQuestions.Proceed : answer.Value!.GetValue<string>();
        return decision switch
        {
            PlanStageQuestions.Cancel => (Cancelled(session, "cancelled"), null),
            PlanStageQuestions.DryRun => (await RunAsync(session, state, dryRun: true, UserConfirmed, progress, cancellationToken), null),
            _ => await ProceedAsync(session, state, progress, cancellationToken),
        };
    }

    private async Task<(WizardReply? Reply, string? Notice)> ProceedAsync(
        WizardSession session, ConversationState state, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var plan = state.Plan!;
        var refusal = approvals.Refusal(plan, plan.IsDestructive ? PlanApprovals.TypedYes : PlanApprovals.Accept, dryRun: false);
        if (refusal is not null)
        {
            return (WizardReplies.Finished(session, "refused", refusal), null);
        }

        return (await RunAsync(session, state, dryRun: false, UserConfirmed, progress, cancellationToken), null);
    }

    private async Task<WizardReply> RunAsync(
        WizardSession session, ConversationState state, bool dryRun, string confirmedBy, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var plan = state.Plan!;
        launcher.EnsureRunnable(plan, dryRun, confirmedBy);
        if (!dryRun && !approvals.TryConsume(plan))
        {
            return WizardReplies.Finished(session, "refused", $"plan_id: plan {plan.Id} has already been executed; a confirmation is used once.");
        }

        var task = launcher.Start(plan, dryRun, confirmedBy);
        await ExecutionLauncher.WaitAsync(task, state.WaitSeconds, progress, cancellationToken);

        state.Stage = ConversationStage.Finished;
        sessions.Remove(session.Id);
        return replies.TaskReply(plan, task, session.Id, dryRun);
    }

    private async Task<OperationPlan> PlanAsync(WizardSession session, CancellationToken cancellationToken)
    {
        var wizard = (OperationWizard)session.Definition;
        var type = session.Answers.GetString(OperationTypes.Key);
        var operation = _operations.First(o => o.OperationType == type);
        var plan = PlanJson.Sealed(await operation.PlanAsync(session, wizard.Chosen(session.Answers)!, registries.Get(session.Registry), cancellationToken));
        await plans.SaveAsync(plan, cancellationToken);
        session.PlanId = plan.Id;
        session.Status = WizardStatus.Planned;
        return plan;
    }

    private static void ResetPlan(WizardSession session)
    {
        var state = ConversationState.Of(session);
        state.Plan = null;
        state.Stage = ConversationStage.Asking;
        state.DryRunSummary = null;
    }

    private WizardReply Planned(WizardSession session, OperationPlan plan) => replies.PlannedReply(plan) with { SessionId = session.Id };

    private WizardReply Cancelled(WizardSession session, string how)
    {
        WizardEngine.Cancel(session);
        sessions.Remove(session.Id);
        return WizardReplies.Finished(session, "cancelled", $"The wizard was {how}; nothing was changed.");
    }

}
