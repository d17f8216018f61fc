using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
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
/// before), at most <see cref="MaxQuestionsPerCall"/> per call, ending with the preview, the operation's review
/// steps, the confirmation and the run. Without forms, it returns <c>needs_input</c> with the pending question, and
/// then the plan to confirm with <c>confirm_bulk_operation</c>: no call that plans can also confirm. Plans are made
/// and run by <see cref="PlanService"/>.
/// </summary>
public sealed class WizardConversation(
    WizardSessionStore sessions,
    RequestStateCodec codec,
    IRegistryGatewayProvider registries,
    PlanService planning,
    PlanReviews reviews,
    WizardReplies replies)
{
    public const int MaxQuestionsPerCall = 8;
    private const string AnswerKey = "answer";
    private const string AnswerNext =
        "Answer with bulk_wizard_answer(session_id, answers: {field: value}); action 'back' returns to the previous question, 'cancel' ends the wizard.";

    /// <summary>Opens a session with what was given up front; bad values are refused here, naming the argument.</summary>
    public WizardSession Open(WizardStart start)
    {
        if ((start.Run.Validate() ?? start.Selection.Validate() ?? start.Arguments?.Validate()) is { } invalid)
        {
            throw new WizardInputException(invalid);
        }

        var gateway = registries.Get(start.Selection.Registry);
        var session = sessions.Create(new OperationWizard(planning.Operations, gateway), gateway.Registry.Name);
        session.Config = start.Run.ToConfig();
        if ((start.OperationType ?? start.Arguments?.OperationType) is { } type)
        {
            session.Proposed[OperationTypes.Key] = type;
        }

        start.Selection.ApplyTo(session);
        Propose(session, start.Arguments);
        var state = ConversationState.Of(session);
        state.PendingAnswers = start.Answers is { Count: > 0 } answers ? answers : null;
        state.DryRunOnly = start.DryRunOnly;
        state.WaitSeconds = start.WaitSeconds;
        ReadPendingAnswers(session, state);
        foreach (var (key, value) in start.TemplateAnswers ?? [])
        {
            session.Proposed.TryAdd(key, value?.DeepClone());
        }

        return session;
    }

    /// <summary>
    /// A planning tool (<c>bulk_schema_update</c>, …): plans from arguments alone and asks nothing; an argument the
    /// chosen sub-type needs and lacks is an error naming it.
    /// </summary>
    public async Task<WizardReply> PlanFromArgumentsAsync(SelectionArguments selection, IOperationArguments arguments, RunSettings run, CancellationToken cancellationToken)
    {
        if ((run.Validate() ?? selection.Validate() ?? arguments.Validate() ?? arguments.Missing()) is { } problem)
        {
            throw new WizardInputException(problem);
        }

        var session = Open(new WizardStart { Selection = selection, Arguments = arguments, Run = run });
        var reply = await AdvanceAsync(session, [], progress: null, cancellationToken);
        if (reply.Status == "needs_input")
        {
            sessions.Remove(session.Id);
            var question = reply.Question!;
            var field = question.Fields[0];
            throw new WizardInputException($"{question.Message} {field.Name}: missing; give {field.Expects}.");
        }

        // The plan is in the plan store and confirmed by id: a session kept for nothing would hold it in memory until it expires.
        sessions.Remove(session.Id);
        return reply with { SessionId = null };
    }

    /// <summary>The session a signed request state points at, or null when the state is not ours.</summary>
    public string? SessionIdFrom(string? requestState) => codec.Decode(requestState)?.SessionId;

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

            var (question, ended) = await NextAsync(session, state, progress, cancellationToken);
            if (ended is not null)
            {
                return ended;
            }

            if (question is null)
            {
                return await RunAsync(session, state, dryRun: true, state.ConfirmedBy, progress, cancellationToken);
            }

            var round = incoming?.Round ?? 0;
            if (round >= MaxQuestionsPerCall)
            {
                // The bridge to elicitation/create stops after 10 rounds; this call stops asking before that.
                const string resume = "This call has asked its questions. Continue with start_bulk_wizard(session_id), or without forms with bulk_wizard_answer";
                if (state.Stage == ConversationStage.Preview && reviews.Pending(state))
                {
                    // The plan is not handed out before its review: the review question is what remains.
                    state.Stage = ConversationStage.Review;
                    var turn = await reviews.NextAsync(session, state, ReviewProgress.Of(progress), cancellationToken);
                    if (turn.Stop is { } stop)
                    {
                        return Stopped(session, stop);
                    }

                    question = turn.Question ?? question;
                    state.Stage = turn.Question is null ? ConversationStage.Confirm : ConversationStage.Review;
                }

                return state.Plan is null || state.Stage == ConversationStage.Review
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
    /// The forms path one question at a time, for a front end that shows the questions itself (the terminal): the
    /// wizard's next question, the preview, a review step's or the confirmation, each with the notice of a refused
    /// answer; or the reply that ends the wizard (run, cancelled, refused). The same stages, plan, dry run before a
    /// typed YES and run as the elicitation path, without its limit of questions per call.
    /// </summary>
    public async Task<FormTurn> NextTurnAsync(WizardSession session, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            return await TurnAsync(session, ConversationState.Of(session), notice: null, progress, cancellationToken);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>Takes the answer to the question of <paramref name="stepId"/> (checked as a form's content is) and returns the next turn.</summary>
    public async Task<FormTurn> AnswerTurnAsync(
        WizardSession session, string stepId, JsonObject answers, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            var state = ConversationState.Of(session);
            var taken = await TakeAnswerAsync(session, state, stepId, answers, progress, cancellationToken);
            return taken.Reply is { } ended ? new FormTurn(Ended: ended) : await TurnAsync(session, state, taken.Notice, progress, cancellationToken);
        }
        finally
        {
            session.Gate.Release();
        }
    }

    /// <summary>Ends the wizard as cancelled by the person (a declined form, Ctrl+C): nothing changed.</summary>
    public WizardReply Cancel(WizardSession session) => Cancelled(session, "cancelled");

    /// <summary>
    /// <c>confirm_bulk_operation</c> with a client that shows forms: the person sees the preview and confirms
    /// (a destructive plan gets its dry run first, then a typed YES); any confirmation argument is ignored. With
    /// <paramref name="startAt"/>, the real run confirmed is scheduled for then.
    /// </summary>
    public Task<WizardReply> ConfirmAsync(
        McpServer server, RequestContext<CallToolRequestParams> request, OperationPlan? plan, int waitSeconds, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken,
        DateTimeOffset? startAt = null)
    {
        var session = SessionIdFrom(request.Params?.RequestState) is { } id
            ? Resume(id)
            : OpenForPlan(plan ?? throw new WizardInputException("plan_id: no plan to confirm."), waitSeconds, startAt);
        return ConverseAsync(server, request, session, progress, cancellationToken);
    }

    /// <summary>The no-forms path: the pending question (the wizard's or a review's), or the plan once every answer is in.</summary>
    public async Task<WizardReply> AdvanceAsync(WizardSession session, IReadOnlyList<string> errors, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var state = ConversationState.Of(session);
        if (state.Plan is null)
        {
            var question = await NextQuestionAsync(session, state, cancellationToken);
            if (question is not null)
            {
                return WizardReplies.NeedsInput(session, question, errors, AnswerNext);
            }

            state.Plan = await planning.PlanAsync(session, cancellationToken);
        }

        // Without forms there is no preview question: the planned reply is the preview; the review comes first.
        if (state.Stage is ConversationStage.Asking or ConversationStage.Preview or ConversationStage.Review)
        {
            state.Stage = ConversationStage.Review;
            var turn = await reviews.NextAsync(session, state, ReviewProgress.Of(progress), cancellationToken);
            if (turn.Stop is { } stop)
            {
                return Stopped(session, stop);
            }

            if (turn.Question is { } question)
            {
                return WizardReplies.NeedsInput(session, question, errors, AnswerNext);
            }
        }

        state.Stage = ConversationStage.Finished;
        return state.DryRunOnly
            ? await RunAsync(session, state, dryRun: true, RunRequest.AssistantConfirmed, progress, cancellationToken)
            : Planned(session, state.Plan);
    }

    /// <summary><c>bulk_wizard_answer</c>: answer the pending question, go back, or cancel.</summary>
    public async Task<WizardReply> AnswerAsync(WizardSession session, string action, JsonObject answers, CancellationToken cancellationToken)
    {
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            var state = ConversationState.Of(session);
            switch (action)
            {
                case "cancel":
                    return Cancelled(session, "cancelled");
                case "back":
                    state.ResetPlan();
                    return WizardEngine.Back(session)
                        ? await AdvanceAsync(session, [], null, cancellationToken)
                        : await AdvanceAsync(session, ["back: already at the first question."], null, cancellationToken);
                case "answer" when state.PendingReview is not null:
                    var turn = await reviews.TakeAsync(session, state, answers, progress: null, cancellationToken);
                    return turn.Stop is { } stop ? Stopped(session, stop) : await AdvanceAsync(session, turn.Errors ?? [], null, cancellationToken);
                case "answer":
                    if (state.Plan is not null)
                    {
                        return await AdvanceAsync(session, ["answers: every question is answered; confirm the plan with confirm_bulk_operation, or use action 'back'."], null, cancellationToken);
                    }

                    await NextQuestionAsync(session, state, cancellationToken);
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

    private WizardSession OpenForPlan(OperationPlan plan, int waitSeconds, DateTimeOffset? startAt)
    {
        var session = sessions.Create(new PlannedWizard(plan.OperationType), plan.Registry);
        session.PlanId = plan.Id;
        var state = ConversationState.Of(session);
        state.Plan = plan;
        state.Stage = ConversationStage.Preview;
        state.WaitSeconds = waitSeconds;
        state.StartAt = startAt;

        // A stored plan was reviewed when it was made: only the preview and the confirmation remain.
        state.ReviewIndex = int.MaxValue;
        return session;
    }

    /// <summary>The wizard's next question, once the operation's own answers given up front are read (they wait for the operation type).</summary>
    private async Task<Question?> NextQuestionAsync(WizardSession session, ConversationState state, CancellationToken cancellationToken)
    {
        ReadPendingAnswers(session, state);
        return await WizardEngine.NextQuestionAsync(session, cancellationToken);
    }

    /// <summary>
    /// Reads <c>start_bulk_wizard</c>'s <c>answers</c> with the chosen operation's arguments record once the
    /// operation type is known (given up front, or answered); until then they wait.
    /// </summary>
    private void ReadPendingAnswers(WizardSession session, ConversationState state)
    {
        var type = session.Given(OperationTypes.Key);
        if (state.PendingAnswers is not { } answers || planning.Find(type) is not { } operation)
        {
            return;
        }

        state.PendingAnswers = null;
        var arguments = operation.ReadArguments(answers);
        if (arguments.Validate() is { } invalid)
        {
            throw new WizardInputException(invalid);
        }

        Propose(session, arguments);
    }

    /// <summary>
    /// Adds the operation's proposals; a key already proposed keeps its value, so an explicit selection (a pattern or
    /// subjects) wins over the selector an operation implies (a test cleanup proposes the test selector).
    /// </summary>
    private static void Propose(WizardSession session, IOperationArguments? arguments)
    {
        foreach (var (key, value) in arguments?.Proposals() ?? new Dictionary<string, JsonNode>())
        {
            session.Proposed.TryAdd(key, value.DeepClone());
        }
    }

    /// <summary>The forms path's next question: the wizard's, the preview, a review step's, or the confirmation; or the reply that ends it.</summary>
    private async Task<(Question? Question, WizardReply? Ended)> NextAsync(
        WizardSession session, ConversationState state, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        if (state.Stage == ConversationStage.Asking)
        {
            if (await NextQuestionAsync(session, state, cancellationToken) is { } question)
            {
                return (question, null);
            }

            state.Plan = await planning.PlanAsync(session, cancellationToken);
            state.Stage = state.DryRunOnly ? ConversationStage.Review : ConversationStage.Preview;
        }

        var plan = state.Plan!;
        if (state.Stage == ConversationStage.Preview)
        {
            return (PlanStageQuestions.Preview(plan), null);
        }

        if (state.Stage == ConversationStage.Review)
        {
            var turn = await reviews.NextAsync(session, state, ReviewProgress.Of(progress), cancellationToken);
            if (turn.Stop is { } stop)
            {
                return (null, Stopped(session, stop));
            }

            if (turn.Question is { } review)
            {
                return (review, null);
            }

            state.Stage = ConversationStage.Confirm;
            plan = state.Plan!;
        }

        if (state.DryRunOnly)
        {
            return (null, null);
        }

        if (plan.IsDestructive && state.DryRunSummary is null)
        {
            // A destructive plan needs a dry run of this very plan before its typed YES.
            var dryRun = await planning.DryRunToEndAsync(plan, state.ConfirmedBy, cancellationToken);
            state.DryRunSummary = dryRun.Result?.Summary ?? dryRun.Message;
        }

        return (PlanStageQuestions.Confirm(plan, state), null);
    }

    private async Task<FormTurn> TurnAsync(
        WizardSession session, ConversationState state, string? notice, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var (question, ended) = await NextAsync(session, state, progress, cancellationToken);
        if (ended is not null)
        {
            return new FormTurn(Ended: ended);
        }

        return question is null
            ? new FormTurn(Ended: await RunAsync(session, state, dryRun: true, state.ConfirmedBy, progress, cancellationToken))
            : new FormTurn(question, Notice: notice);
    }

    private async Task<(WizardReply? Reply, string? Notice)> TakeAnswerAsync(
        WizardSession session, ConversationState state, string stepId, JsonObject content, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var expected = state.Stage switch
        {
            ConversationStage.Preview => PlanStageQuestions.PreviewStep,
            ConversationStage.Review => state.PendingReview?.StepId,
            ConversationStage.Confirm or ConversationStage.Finished => PlanStageQuestions.ConfirmStep,
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

        if (state.Stage == ConversationStage.Review)
        {
            var turn = await reviews.TakeAsync(session, state, content, ReviewProgress.Of(progress), cancellationToken);
            return turn.Stop is { } stop ? (Stopped(session, stop), null) : (null, turn.Errors is { Count: > 0 } errors ? string.Join(" ", errors) : null);
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
            state.Stage = ConversationStage.Review;
            return (null, null);
        }

        var decision = field.Key == PlanStageQuestions.Confirmation ? PlanStageQuestions.Proceed : answer.Value!.GetValue<string>();
        return decision switch
        {
            PlanStageQuestions.Cancel => (Cancelled(session, "cancelled"), null),
            PlanStageQuestions.DryRun => (await RunAsync(session, state, dryRun: true, state.ConfirmedBy, progress, cancellationToken), null),
            _ => (await RunAsync(session, state, dryRun: false, state.ConfirmedBy, progress, cancellationToken), null),
        };
    }

    private async Task<WizardReply> RunAsync(
        WizardSession session, ConversationState state, bool dryRun, string confirmedBy, IProgress<ProgressNotificationValue>? progress, CancellationToken cancellationToken)
    {
        var plan = state.Plan!;
        var confirmation = dryRun ? null : plan.IsDestructive ? PlanApprovals.TypedYes : PlanApprovals.Accept;
        var run = await planning.RunAsync(plan, new RunRequest(dryRun, confirmation, confirmedBy, state.WaitSeconds) { StartAt = dryRun ? null : state.StartAt }, progress, cancellationToken);
        if (run.Refusal is { } refusal)
        {
            return WizardReplies.Finished(session, "refused", refusal);
        }

        state.Stage = ConversationStage.Finished;
        sessions.Remove(session.Id);
        return replies.TaskReply(plan, run.Task!, session.Id, dryRun);
    }

    private WizardReply Planned(WizardSession session, OperationPlan plan) => replies.PlannedReply(plan) with { SessionId = session.Id };

    private WizardReply Cancelled(WizardSession session, string how)
    {
        WizardEngine.Cancel(session);
        sessions.Remove(session.Id);
        return WizardReplies.Finished(session, "cancelled", $"The wizard was {how}; nothing was changed.");
    }

    /// <summary>A review decision that ends the wizard: cancelled by the person, or refused by the operation; nothing changed either way.</summary>
    private WizardReply Stopped(WizardSession session, ReviewDecision decision)
    {
        WizardEngine.Cancel(session);
        sessions.Remove(session.Id);
        var status = decision.Outcome == ReviewOutcome.Refuse ? "refused" : "cancelled";
        return WizardReplies.Finished(session, status, $"{decision.Message} Nothing was changed.".TrimStart());
    }
}
