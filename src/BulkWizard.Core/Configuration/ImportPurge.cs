using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// A switch to IMPORT without <c>force</c>: the registry refuses it while the scope has live versions, and otherwise
/// hard-deletes every soft-deleted version of the scope first. That purge is planned here as the cleanup plans a
/// permanent delete (<see cref="CleanupPlanner"/>: reference-safe, listed, backed up and undone through the restore
/// path), so the switch itself then finds nothing to purge.
/// </summary>
internal static class ImportPurge
{
    /// <summary>The purge of <paramref name="subjects"/> (every subject of the switch's scope, soft-deleted ones included).</summary>
    /// <exception cref="WizardInputException">A subject has live versions, or a soft-deleted version cannot be deleted (referenced, or read-only).</exception>
    public static async Task<PurgePlan> PlanAsync(ConfigurationPlanning planning, string scopeName, IReadOnlyList<QualifiedSubject> subjects, CancellationToken cancellationToken)
    {
        if (subjects.Count == 0)
        {
            return PurgePlan.None;
        }

        var gateway = planning.Gateway;
        var live = (await SubjectCatalog.ReadAsync(gateway, includeDeleted: false, cancellationToken)).Subjects.ToHashSet();
        var withLive = subjects.Where(live.Contains).ToList();
        if (withLive.Count > 0)
        {
            throw new WizardInputException(
                $"force: false is refused for mode IMPORT on {scopeName}: the registry refuses the switch while live versions exist " +
                $"({withLive.Count} subject(s) with live versions, e.g. {string.Join(", ", withLive.Take(3))}). Use force: true (nothing is checked or purged).");
        }

        var selection = new SelectedSubjects(scopeName, subjects, new Dictionary<QualifiedSubject, string>());
        var request = new CleanupRequest(CleanupTypes.Pattern, Permanent: true, KeepLast: null, RemoveEmptyContext: false);
        var cleanup = await new CleanupPlanner(gateway, planning.Options, planning.Clock)
            .PlanAsync(request, selection, planning.Config, planning.Answers, planning.PlanId, cancellationToken);
        if (cleanup.Skipped.FirstOrDefault(s => s.Reason != CleanupCandidates.NothingToDelete([], request)) is { } kept)
        {
            throw new WizardInputException(
                $"force: false is refused for mode IMPORT on {scopeName}: the registry would first purge every soft-deleted version, " +
                $"but {kept.Subject}: {kept.Reason}. Use force: true (nothing is purged).");
        }

        var deletes = cleanup.Changes.OfType<SubjectCleanupChange>().ToList();
        var emptied = deletes.Where(c => c.PermanentDelete.Count == c.LiveAtPlanning.Versions.Count).Select(c => c.Target).ToHashSet();
        return new PurgePlan(cleanup.Changes, cleanup.Warnings, deletes.Select(c => c.Target).ToHashSet(), emptied);
    }
}
