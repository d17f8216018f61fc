using System.Collections.Concurrent;

namespace BulkWizard.Core.Plans;

/// <summary>
/// The confirmation rules, held on the server: a plan runs for real at most once, only while fresh, only
/// with an explicit accept (or <c>YES</c>), and a destructive plan only with <c>YES</c> after a dry run of
/// that very plan (same hash).
/// </summary>
public sealed class PlanApprovals(TimeProvider clock, TimeSpan lifetime)
{
    public const string Accept = "accept";
    public const string TypedYes = "YES";

    private readonly ConcurrentDictionary<string, string> _dryRunHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    /// <summary>Called when a dry run of the plan has completed (not failed, not cancelled).</summary>
    public void RecordDryRun(OperationPlan plan) => _dryRunHashes[plan.Id] = plan.Hash;

    public bool HadDryRun(OperationPlan plan) => _dryRunHashes.TryGetValue(plan.Id, out var hash) && hash == plan.Hash;

    /// <summary>Why this plan may not run now as asked, or null when it may. Checks only; <see cref="TryConsume"/> takes the approval.</summary>
    public string? Refusal(OperationPlan plan, string? confirmation, bool dryRun)
    {
        if (clock.GetUtcNow() - plan.CreatedAt > lifetime)
        {
            return $"plan_id: plan {plan.Id} was made more than {lifetime.TotalMinutes:0} minutes ago and has expired; plan again to see the registry as it is now.";
        }

        if (_used.ContainsKey(plan.Id))
        {
            return $"plan_id: plan {plan.Id} has already been executed; a confirmation is used once. Plan again to run it again.";
        }

        if (dryRun)
        {
            return null;
        }

        if (plan.IsDestructive)
        {
            if (!HadDryRun(plan))
            {
                return $"dry_run: plan {plan.Id} is destructive; run it with dry_run true first, wait until that task has completed (get_task_status), and review the result; a dry run that failed or was cancelled does not count.";
            }

            return confirmation == TypedYes ? null : "confirmation: this plan is destructive; type YES exactly to run it.";
        }

        return confirmation is Accept or TypedYes ? null : "confirmation: give 'accept' to run this plan (or YES).";
    }

    /// <summary>Marks the plan as executed; false when another call got there first.</summary>
    public bool TryConsume(OperationPlan plan) => _used.TryAdd(plan.Id, 0);
}
