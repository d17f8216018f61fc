using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Restore;

/// <summary>
/// What a restore compares: every version of a subject (soft-deleted ones included) by number, id and deleted flag,
/// and the subject's own config and mode (null: none, it inherits). Schema text needs no comparing: within a
/// context an id names exactly one schema.
/// </summary>
internal sealed record SubjectSnapshot(IReadOnlyList<VersionState> Versions, JsonObject? Config, string? Mode)
{
    /// <summary>Reads the subject's live state: every version (number, id, deleted), its own config and mode.</summary>
    public static async Task<SubjectSnapshot> ReadAsync(IRegistryGateway gateway, QualifiedSubject subject, CancellationToken cancellationToken) =>
        Of(await ScopeStateReader.ReadAsync(gateway, RegistryScope.ForSubject(subject), ScopeParts.All, cancellationToken));

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
