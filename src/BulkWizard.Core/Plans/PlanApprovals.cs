using System.Collections.Concurrent;
using System.Text;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Plans;

/// <summary>
/// The confirmation rules, held on the server: a plan runs for real at most once, only while fresh, only
/// with an explicit accept (or <c>YES</c>), and a destructive plan only with <c>YES</c> after a dry run of
/// that very plan (same hash).
/// </summary>
/// <remarks>
/// With <c>recordsFolder</c> (the plans folder), a completed dry run and an executed plan are also recorded on disk, so
/// they hold for a server started later, or running at the same time, on the same data directory: a plan executed once
/// cannot run again after a restart, and a dry run still counts. An executed plan's record is created exclusively, so
/// of two processes confirming the same plan only one runs it.
/// </remarks>
public sealed class PlanApprovals(TimeProvider clock, TimeSpan lifetime, string? recordsFolder = null)
{
    public const string Accept = "accept";
    public const string TypedYes = "YES";

    private const string DryRunRecord = ".dry-run";
    private const string UsedRecord = ".used";

    private readonly ConcurrentDictionary<string, string> _dryRunHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => lifetime;

    /// <summary>Called when a dry run of the plan has completed (not failed, not cancelled).</summary>
    public void RecordDryRun(OperationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _dryRunHashes[plan.Id] = plan.Hash;
        if (RecordPath(plan.Id, DryRunRecord) is { } path)
        {
            using var file = new FileStream(path, FilePermissions.NewUserOnlyFile(FileMode.Create));
            file.Write(Encoding.UTF8.GetBytes(plan.Hash));
        }
    }

    public bool HadDryRun(OperationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var hash = _dryRunHashes.TryGetValue(plan.Id, out var known)
            ? known
            : RecordPath(plan.Id, DryRunRecord) is { } path && File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
        return hash == plan.Hash;
    }

    /// <summary>Why this plan may not run now as asked, or null when it may. Checks only; <see cref="TryConsume"/> takes the approval.</summary>
    public string? Refusal(OperationPlan plan, string? confirmation, bool dryRun)
    {
        if (clock.GetUtcNow() - plan.CreatedAt > lifetime)
        {
            return $"plan_id: plan {plan.Id} was made more than {lifetime.TotalMinutes:0} minutes ago and has expired; plan again to see the registry as it is now.";
        }

        if (_used.ContainsKey(plan.Id) || (RecordPath(plan.Id, UsedRecord) is { } used && File.Exists(used)))
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

    /// <summary>Marks the plan as executed; false when another call, or another process, got there first.</summary>
    public bool TryConsume(OperationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!_used.TryAdd(plan.Id, 0))
        {
            return false;
        }

        if (RecordPath(plan.Id, UsedRecord) is not { } path)
        {
            return true;
        }

        try
        {
            using var record = new FileStream(path, FilePermissions.NewUserOnlyFile(FileMode.CreateNew));
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>The record's file; null without a records folder. Plan ids are checked (<see cref="PlanIdentity"/>) before any plan gets here.</summary>
    private string? RecordPath(string planId, string record) =>
        recordsFolder is null ? null : Path.Combine(recordsFolder, planId + record);
}
