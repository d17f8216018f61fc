using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Restore;

/// <summary>
/// What a restore compares: every version of a subject (soft-deleted ones included) by number, id and deleted flag,
/// and the subject's own config and mode (null: none, it inherits). Schema text needs no comparing: within a
/// context an id names exactly one schema.
/// </summary>
public sealed record SubjectSnapshot(IReadOnlyList<VersionState> Versions, JsonObject? Config, string? Mode)
{
    /// <summary>Reads the subject's live state: its versions with and without deleted ones, each version's id, its config and mode.</summary>
    public static async Task<SubjectSnapshot> ReadAsync(IRegistryGateway gateway, QualifiedSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var scope = RegistryScope.ForSubject(subject);
        var config = await gateway.GetConfigAsync(scope, cancellationToken);
        var mode = await gateway.GetModeAsync(scope, cancellationToken);
        if (config?.Fields["alias"] is not null)
        {
            // The registry answers an alias's version reads with its target's versions; the name has none of its own.
            return new SubjectSnapshot([], config.Fields, mode?.Name);
        }

        var all = await gateway.ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, cancellationToken);
        var live = (await gateway.ListVersionsAsync(subject, DeletedFilter.LiveOnly, cancellationToken)).ToHashSet();
        var versions = new List<VersionState>(all.Count);
        foreach (var number in all.Order())
        {
            if (await gateway.GetVersionAsync(subject, number, includeDeleted: true, cancellationToken) is { } version)
            {
                versions.Add(new VersionState(number, version.Id, !live.Contains(number)));
            }
        }

        return new SubjectSnapshot(versions, config?.Fields, mode?.Name);
    }

    /// <summary>The state a backup of the subject describes.</summary>
    public static SubjectSnapshot Of(SubjectBackup backup)
    {
        ArgumentNullException.ThrowIfNull(backup);
        return new SubjectSnapshot(
            [.. backup.Versions.OrderBy(v => v.Version).Select(v => new VersionState(v.Version, v.Id, v.Deleted ?? false))],
            (JsonObject?)backup.Config?.DeepClone(),
            backup.Mode);
    }

    public VersionState? Find(int version) => Versions.FirstOrDefault(v => v.Version == version);

    /// <summary>This state plus the versions of <paramref name="other"/> it does not have by number, e.g. versions registered after a backup, which a restore keeps.</summary>
    public SubjectSnapshot WithVersionsOnlyIn(SubjectSnapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var extra = other.Versions.Where(v => Find(v.Version) is null);
        return this with { Versions = [.. Versions.Concat(extra).OrderBy(v => v.Version)] };
    }

    /// <summary>The comparable form: <c>{"versions":[{"version","id","deleted"}…],"config":{…}|null,"mode":"…"|null}</c>.</summary>
    public JsonObject ToJson()
    {
        var versions = new JsonArray();
        foreach (var version in Versions.OrderBy(v => v.Version))
        {
            versions.Add(new JsonObject { ["version"] = version.Version, ["id"] = version.Id, ["deleted"] = version.Deleted });
        }

        return new JsonObject
        {
            ["versions"] = versions,
            ["config"] = Config?.DeepClone(),
            ["mode"] = Mode,
        };
    }
}
