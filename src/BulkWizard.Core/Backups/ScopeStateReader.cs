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

    /// <summary>Versions asked per page: most subjects have fewer, so one request reads them all.</summary>
    private const int PageSize = 100;

    /// <summary>
    /// Every version of the subject, soft-deleted ones included, in version order, from
    /// <c>GET /schemas?subjectPrefix=&lt;subject&gt;&amp;deleted=true</c>: the listing is sorted by subject, and a name sorts
    /// before every longer name it prefixes, so the subject's versions come first and reading stops at the first
    /// version of another subject. One request for most subjects instead of one per version.
    /// </summary>
    private static async Task<List<SchemaVersion>> ReadVersionsAsync(IRegistryGateway gateway, QualifiedSubject subject, CancellationToken cancellationToken)
    {
        var versions = new List<SchemaVersion>();
        await foreach (var version in gateway.ListSchemasAsync(new SchemaQuery(subject.ToString(), IncludeDeleted: true, PageSize: PageSize), cancellationToken))
        {
            if (version.Subject != subject)
            {
                break;
            }

            versions.Add(version);
        }

        if (versions.Any(v => v.Deleted is null))
        {
            // Registries before 8.0 do not say; a version missing from the live listing is soft-deleted.
            var live = (await gateway.ListVersionsAsync(subject, DeletedFilter.LiveOnly, cancellationToken)).ToHashSet();
            versions = [.. versions.Select(v => v.Deleted is null ? v with { Deleted = !live.Contains(v.Version) } : v)];
        }

        versions.Sort((a, b) => a.Version.CompareTo(b.Version));
        return versions;
    }
}
