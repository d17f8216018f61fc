using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Plans;

/// <summary>
/// Plans again from a plan's answers against the registry as it is now, and says whether the new plan is the one
/// that was confirmed. A confirmation approves exact changes; when a run starts later than its plan was made (a
/// scheduled run, an exported plan applied elsewhere), this is what proves the registry still gives that plan.
/// </summary>
/// <remarks>
/// The answers go through the operation's own wizard as answers given up front, so each is validated as when it was
/// first given, and the operation plans them as it planned the original. Plans are compared by hash with the
/// original's creation time and estimate, the fields a new planning changes by itself (the estimate measures the
/// registry's latency at the time): everything that says what runs and how is compared. Review steps are not asked again: a
/// plan a review changed (subjects skipped, a note added) is not what its answers plan, so it never matches.
/// </remarks>
public sealed class PlanReplay(IEnumerable<IBulkOperation> operations, IRegistryGatewayProvider registries)
{
    private readonly IReadOnlyList<IBulkOperation> _operations = [.. operations];

    /// <summary>Why this plan cannot be planned again from its answers (a restore, a recovery), or null when it can.</summary>
    public string? NotReplayable(OperationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return _operations.Any(o => o.OperationType == plan.OperationType)
            ? null
            : $"a {plan.OperationType} plan is not made from wizard answers, so it cannot be planned again; only the plans of {string.Join(", ", _operations.Select(o => o.OperationType))} can.";
    }

    /// <summary>Plans <paramref name="confirmed"/>'s answers again and compares the new plan with it.</summary>
    public async Task<PlanReplayResult> ReplayAsync(OperationPlan confirmed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        if (NotReplayable(confirmed) is { } reason)
        {
            return PlanReplayResult.NotPlanned(reason);
        }

        try
        {
            var replanned = await PlanAsync(confirmed.Registry, confirmed.Answers, confirmed.Config, cancellationToken);
            return new PlanReplayResult(replanned, SameChanges(confirmed, replanned), null);
        }
        catch (WizardInputException e)
        {
            return PlanReplayResult.NotPlanned(e.Message);
        }
    }

    /// <summary>
    /// A new plan (new id, sealed, not saved) from <paramref name="answers"/> as a wizard session would plan them.
    /// </summary>
    /// <exception cref="WizardInputException">The answers do not plan: a value refused, or a question they leave open.</exception>
    public async Task<OperationPlan> PlanAsync(string registry, JsonObject answers, BulkOperationConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var gateway = registries.Get(registry);
        var wizard = new OperationWizard(_operations, gateway);
        var session = new WizardSession("replay", wizard, gateway.Registry.Name, DateTimeOffset.UnixEpoch) { Config = config };
        foreach (var (key, value) in answers)
        {
            // Proposed for the steps that ask it (validated again), and set for what no step asks but the steps read
            // (include_deleted, given with the selection).
            session.Proposed[key] = value?.DeepClone();
            session.Answers.Set(key, value);
        }

        if (await WizardEngine.NextQuestionAsync(session, cancellationToken) is { } open)
        {
            throw new WizardInputException($"{open.Message} {string.Join(", ", open.Fields.Select(f => f.Key))}: not answered by the plan's answers.");
        }

        var type = session.Answers.GetString(OperationTypes.Key);
        var operation = _operations.FirstOrDefault(o => o.OperationType == type) ?? throw new WizardInputException($"operation_type: '{type}' is not available.");
        var plan = await operation.PlanAsync(session, wizard.Chosen(session.Answers)!, gateway, cancellationToken);
        return PlanIdentity.Seal(plan);
    }

    /// <summary>Whether <paramref name="replanned"/> makes exactly the changes <paramref name="confirmed"/> was sealed over.</summary>
    public static bool SameChanges(OperationPlan confirmed, OperationPlan replanned)
    {
        ArgumentNullException.ThrowIfNull(confirmed);
        ArgumentNullException.ThrowIfNull(replanned);
        return string.Equals(PlanJson.HashOf(replanned with { CreatedAt = confirmed.CreatedAt, Estimate = confirmed.Estimate }), confirmed.Hash, StringComparison.Ordinal);
    }
}
