using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Backups;

/// <summary>
/// Reads the parts of a scope's state that a backup or a restore needs, and nothing more: its own config and
/// mode (without <c>defaultToGlobal</c>; absent means unset) and, for a subject, every version with all its
/// fields, soft-deleted ones included. The one reader behind backups, restore planning and restore.
/// </summary>
internal static class ScopeStateReader
{
    public static async Task<SubjectBackup> ReadAsync(IRegistryGateway gateway, RegistryScope scope, ScopeParts parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(scope);
        var config = parts.HasFlag(ScopeParts.Config) ? await gateway.GetConfigAsync(scope, cancellationToken) : null;
        var mode = parts.HasFlag(ScopeParts.Mode) ? await gateway.GetModeAsync(scope, cancellationToken) : null;
        var name = scope.PathSegment ?? "";
        if (scope.Subject is not { } subject || !parts.HasFlag(ScopeParts.Versions))
        {
            return new SubjectBackup(name, [], config?.Fields, mode?.Name) { Captured = parts & (scope.Subject is null ? ScopeParts.Config | ScopeParts.Mode : ScopeParts.All) };
        }

        if (config?.Fields["alias"] is not null)
        {
            // The registry answers an alias's version reads with its target's versions; the name has none of its own.
            return new SubjectBackup(name, [], config.Fields, mode?.Name) { Captured = parts };
        }

        return new SubjectBackup(name, await ReadVersionsAsync(gateway, subject, cancellationToken), config?.Fields, mode?.Name) { Captured = parts };
    }

    /// <summary>Every version of the subject, soft-deleted ones included, in version order.</summary>
    private static async Task<List<SchemaVersion>> ReadVersionsAsync(IRegistryGateway gateway, QualifiedSubject subject, CancellationToken cancellationToken)
    {
        var numbers = await gateway.ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, cancellationToken);
        var versions = new List<SchemaVersion>(numbers.Count);
        HashSet<int>? live = null;
        foreach (var number in numbers.Order())
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

        return versions;
    }
}
