using System.Collections.Concurrent;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Inventory;

/// <summary>
/// Counts subjects, versions, contexts and overrides. Versions come from the paged <c>GET /schemas</c>
/// when the registry reports each version's <c>deleted</c> flag (8.0+), else from two version listings per
/// subject; config and mode are read per subject, <see cref="MaxParallel"/> at a time.
/// </summary>
public sealed class InventoryReader(IRegistryGateway gateway)
{
    public const int MaxParallel = 8;

    public async Task<RegistryInventory> ReadAsync(SubjectPattern? pattern, CancellationToken cancellationToken)
    {
        var contexts = await gateway.ListContextsAsync(cancellationToken);
        var listed = await gateway.ListSubjectsAsync(new SubjectQuery(":*:", DeletedFilter.IncludeDeleted), cancellationToken);
        var all = listed.Where(s => !ReservedSubjects.IsReserved(s)).ToList();
        var selected = pattern is null ? all.ToHashSet() : all.Where(pattern.Matches).ToHashSet();
        var capabilities = await gateway.GetCapabilitiesAsync(cancellationToken);

        var versions = capabilities.ReportsFullSchemaFields
            ? await CountFromSchemasAsync(selected, cancellationToken)
            : await CountPerSubjectAsync(selected, cancellationToken);
        var (compatibility, mode) = await CountOverridesAsync(selected, cancellationToken);

        // One pass over the selection; contexts without a selected subject count zero.
        var totals = new Dictionary<string, ContextInventory>(StringComparer.Ordinal);
        foreach (var subject in selected)
        {
            var (live, deleted) = versions.GetValueOrDefault(subject);
            totals[subject.Context] = (totals.GetValueOrDefault(subject.Context) ?? ContextInventory.Empty(subject.Context)).WithSubject(live, deleted);
        }

        var perContext = contexts
            .Select(context => totals.GetValueOrDefault(context) ?? ContextInventory.Empty(context))
            .Where(c => pattern is null || c.Subjects + c.SoftDeletedSubjects > 0)
            .ToList();

        return new RegistryInventory(
            gateway.Registry.Name,
            pattern?.Text,
            Contexts: contexts.Count,
            Subjects: perContext.Sum(c => c.Subjects),
            SoftDeletedSubjects: perContext.Sum(c => c.SoftDeletedSubjects),
            Versions: perContext.Sum(c => c.Versions),
            SoftDeletedVersions: perContext.Sum(c => c.SoftDeletedVersions),
            CompatibilityOverrides: compatibility,
            ModeOverrides: mode,
            PerContext: perContext);
    }

    private async Task<IReadOnlyDictionary<QualifiedSubject, (int Live, int Deleted)>> CountFromSchemasAsync(
        HashSet<QualifiedSubject> selected, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<QualifiedSubject, (int Live, int Deleted)>();
        await foreach (var version in gateway.ListSchemasAsync(new SchemaQuery(":*:", IncludeDeleted: true), cancellationToken))
        {
            if (!selected.Contains(version.Subject))
            {
                continue;
            }

            var (live, deleted) = counts.GetValueOrDefault(version.Subject);
            counts[version.Subject] = version.Deleted == true ? (live, deleted + 1) : (live + 1, deleted);
        }

        return counts;
    }

    private async Task<IReadOnlyDictionary<QualifiedSubject, (int Live, int Deleted)>> CountPerSubjectAsync(
        IReadOnlyCollection<QualifiedSubject> subjects, CancellationToken cancellationToken)
    {
        var counts = new ConcurrentDictionary<QualifiedSubject, (int Live, int Deleted)>();
        await Parallel.ForEachAsync(subjects, Options(cancellationToken), async (subject, token) =>
        {
            var all = await gateway.ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, token);
            var live = await gateway.ListVersionsAsync(subject, DeletedFilter.LiveOnly, token);
            counts[subject] = (live.Count, all.Count - live.Count);
        });
        return counts;
    }

    private async Task<(int Compatibility, int Mode)> CountOverridesAsync(IReadOnlyCollection<QualifiedSubject> subjects, CancellationToken cancellationToken)
    {
        int compatibility = 0, mode = 0;
        await Parallel.ForEachAsync(subjects, Options(cancellationToken), async (subject, token) =>
        {
            var scope = RegistryScope.ForSubject(subject);
            if ((await gateway.GetConfigAsync(scope, token))?.Compatibility is not null)
            {
                Interlocked.Increment(ref compatibility);
            }

            if (await gateway.GetModeAsync(scope, token) is not null)
            {
                Interlocked.Increment(ref mode);
            }
        });
        return (compatibility, mode);
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = MaxParallel, CancellationToken = cancellationToken };
}
