using System.Globalization;
using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Migration;

/// <summary>
/// Plans a version archival: the old versions of each selected subject (outside the newest <c>keep_last</c>, and with
/// <c>older_than</c> last written before that time) deleted by cleanup's rules (reference-safe; permanent in the
/// registry's two steps), in a plan whose run keeps its backup as the archive (<see cref="OperationPlan.KeepsArchive"/>):
/// every archived version whole, checksummed, under <c>archives/</c>, listed and restored like a backup.
/// </summary>
internal sealed class ArchivePlanner(IRegistryGateway gateway, SelectionOptions options, TimeProvider clock)
{
    /// <summary>With only <c>older_than</c>, the newest live version of each subject stays: an archive never empties a subject.</summary>
    private const int KeptWithoutKeepLast = 1;

    public async Task<OperationPlan> PlanAsync(
        SelectedSubjects selection, int? keepLast, DateTimeOffset? olderThan, bool permanent, BulkOperationConfig config, JsonObject answers, CancellationToken cancellationToken)
    {
        if (olderThan is not null && await gateway.GetCapabilitiesAsync(cancellationToken) is { ReportsFullSchemaFields: false } capabilities)
        {
            throw new WizardInputException(
                $"older_than: registry '{gateway.Registry.Name}' reports version {capabilities.ReportedVersion ?? "unknown"}; versions carry their write time from 8.0. Use keep_last.");
        }

        var keep = keepLast ?? KeptWithoutKeepLast;
        var request = new CleanupRequest(CleanupTypes.OldVersions, permanent, keep, RemoveEmptyContext: false) { OlderThan = olderThan };
        var plan = await new CleanupPlanner(gateway, options, clock).PlanAsync(request, selection, config, answers, null, cancellationToken);
        var age = olderThan is { } cutoff ? $" and last written before {cutoff.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}" : "";
        return plan with
        {
            OperationType = OperationTypes.Migration,
            KeepsArchive = true,
            Title = $"Archive the versions of {selection.Description} older than the newest {keep}{age}, then {(permanent ? "permanently delete" : "soft-delete")} them",
            Warnings =
            [
                .. plan.Warnings,
                "The archive is this run's backup: ar_… under archives/ in the data directory (every archived version whole, checksummed), listed by " +
                "list_backups and put back by restore_backup. A version's write time is reset by a soft delete, an import or a restore.",
            ],
        };
    }
}
