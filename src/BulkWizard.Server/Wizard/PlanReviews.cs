using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Wizard;
using BulkWizard.Server.Execution;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// Asks the operation's review steps (<see cref="IBulkOperation.ReviewSteps"/>) about the plan, after its preview
/// and before its confirmation, for both drivers (forms and <c>needs_input</c>). A step whose fields were all given
/// up front is decided without asking. A decision may replace the plan (sealed and saved again, so what is
/// confirmed is the plan as reviewed), or end the wizard as cancelled or refused.
/// </summary>
public sealed class PlanReviews(PlanService planning)
{
    /// <summary>The review question to ask now, a decision that ends the wizard, or <see cref="ReviewTurn.Done"/>.</summary>
    /// <exception cref="WizardInputException">An answer given up front for a review question is not allowed.</exception>
    public async Task<ReviewTurn> NextAsync(WizardSession session, ConversationState state, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (state.PendingReview is { } pending)
        {
            return new ReviewTurn(pending);
        }

        var steps = Steps(state);
        while (state.ReviewIndex < steps.Count)
        {
            var step = steps[state.ReviewIndex];
            if (await step.AskAsync(state.Plan!, cancellationToken) is not { } asked)
            {
                state.ReviewIndex++;
                continue;
            }

            var question = asked with { StepId = step.Id };
            if (!question.Fields.All(f => session.Proposed.ContainsKey(f.Key) || !f.Required))
            {
                state.PendingReview = question;
                return new ReviewTurn(question);
            }

            var (values, errors) = Validate(question, key => session.Proposed.TryGetValue(key, out var value) ? (true, value) : (false, null));
            if (errors.Count > 0)
            {
                // A bad answer given up front is the caller's error, reported before anything is asked (as for the wizard's steps).
                foreach (var field in question.Fields)
                {
                    session.Proposed.Remove(field.Key);
                }

                throw new WizardInputException(string.Join(" ", errors));
            }

            if (await DecideAsync(session, state, step, values, progress, cancellationToken) is { } stop)
            {
                return stop;
            }
        }

        return ReviewTurn.Done;
    }

    /// <summary>Takes the answer to the pending review question: errors (asked again), a decision that ends the wizard, or done with this step.</summary>
    public async Task<ReviewTurn> TakeAsync(WizardSession session, ConversationState state, JsonObject answers, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var question = state.PendingReview ?? throw new WizardInputException("There is no pending question to answer.");
        var (values, errors) = Validate(question, key => answers.TryGetPropertyValue(key, out var value) ? (true, value) : (false, null));
        if (errors.Count > 0)
        {
            return new ReviewTurn(question, Errors: errors);
        }

        state.PendingReview = null;
        return await DecideAsync(session, state, Steps(state)[state.ReviewIndex], values, progress, cancellationToken) ?? ReviewTurn.Done;
    }

    /// <summary>Whether review steps remain to be considered for the plan.</summary>
    public bool Pending(ConversationState state) => state.PendingReview is not null || state.ReviewIndex < Steps(state).Count;

    private IReadOnlyList<ReviewStep> Steps(ConversationState state) => planning.Find(state.Plan!.OperationType)?.ReviewSteps ?? [];

    private async Task<ReviewTurn?> DecideAsync(
        WizardSession session, ConversationState state, ReviewStep step, JsonObject values, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var decision = await step.DecideAsync(state.Plan!, values, progress, cancellationToken);
        state.ReviewIndex++;
        if (decision.Plan is { } replaced)
        {
            state.Plan = await planning.SaveAsync(replaced, cancellationToken);
            session.PlanId = state.Plan.Id;
        }

        return decision.Outcome == ReviewOutcome.Continue ? null : new ReviewTurn(Stop: decision);
    }

    private static (JsonObject Values, List<string> Errors) Validate(Question question, Func<string, (bool Found, JsonNode? Value)> lookup)
    {
        var (values, errors) = WizardEngine.Validate(question, lookup);
        var json = new JsonObject();
        foreach (var (key, value) in values)
        {
            json[key] = value?.DeepClone();
        }

        return (json, errors);
    }
}
