using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Backups;

/// <summary>
/// Reads from the registry everything needed to put subjects back exactly: every version, soft-deleted
/// ones included, with all its fields; the subject's own config and mode, read without <c>defaultToGlobal</c>.
/// </summary>
public sealed class BackupReader(IRegistryGateway gateway, TimeProvider timeProvider)
{
    /// <summary>Reads the subjects, <paramref name="maxParallel"/> at a time, into a new backup listing them in the given order.</summary>
    public async Task<Backup> ReadAsync(
        string planId, string operationType, IReadOnlyList<QualifiedSubject> subjects, int maxParallel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var distinct = subjects.Distinct().ToList();
        var read = new SubjectBackup[distinct.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, distinct.Count), options, async (index, token) =>
            read[index] = await ReadSubjectAsync(distinct[index], token));

        return new Backup(BackupId.New(timeProvider), gateway.Registry.Name, planId, operationType, timeProvider.GetUtcNow(), read);
    }

    /// <summary>One subject; a subject without any version (e.g. one holding only a config) has an empty version list.</summary>
    public async Task<SubjectBackup> ReadSubjectAsync(QualifiedSubject subject, CancellationToken cancellationToken)
    {
        var scope = RegistryScope.ForSubject(subject);
        var config = await gateway.GetConfigAsync(scope, cancellationToken);
        var mode = await gateway.GetModeAsync(scope, cancellationToken);
        if (config?.Fields["alias"] is not null)
        {
            // The registry answers an alias's version reads with its target's versions; the name has none of its own.
            return new SubjectBackup(subject.ToString(), [], config.Fields, mode?.Name);
        }

        var numbers = await gateway.ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, cancellationToken);
        var versions = new List<SchemaVersion>(numbers.Count);
        HashSet<int>? live = null;
        foreach (var number in numbers)
        {
            var version = await gateway.GetVersionAsync(subject, number, includeDeleted: true, cancellationToken);
            if (version is null)
            {
                // Hard-deleted by someone else between the listing and this read: it is not there to restore.
                continue;
            }

            if (version.Deleted is null)
            {
                // Registries before 8.0 do not say; a version missing from the live listing is soft-deleted.
                live ??= (await gateway.ListVersionsAsync(subject, DeletedFilter.LiveOnly, cancellationToken)).ToHashSet();
                version = version with { Deleted = !live.Contains(version.Version) };
            }

            versions.Add(version);
        }

        return new SubjectBackup(subject.ToString(), versions, config?.Fields, mode?.Name);
    }
}
