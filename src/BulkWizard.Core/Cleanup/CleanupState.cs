using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// What a cleanup compares of a subject: each version's number and deleted flag, and the subject's own config and
/// mode (null: none, it inherits). Ids are left out: a version number holds one id until it is permanently deleted,
/// and leaving them out lets the state be read back with four requests whatever the number of versions.
/// </summary>
internal static class CleanupState
{
    /// <summary><c>{"versions":[{"version","deleted"}…],"config":{…}|null,"mode":"…"|null}</c>.</summary>
    public static JsonObject Of(IEnumerable<(int Version, bool Deleted)> versions, JsonObject? config, string? mode)
    {
        var list = new JsonArray();
        foreach (var (version, deleted) in versions.OrderBy(v => v.Version))
        {
            list.Add(new JsonObject { ["version"] = version, ["deleted"] = deleted });
        }

        return new JsonObject { ["versions"] = list, ["config"] = config?.DeepClone(), ["mode"] = mode };
    }

    public static JsonObject Of(SubjectSnapshot snapshot) =>
        Of(snapshot.Versions.Select(v => (v.Version, v.Deleted)), snapshot.Config, snapshot.Mode);

    public static JsonObject Of(SubjectBackup backup) => Of(SubjectSnapshot.Of(backup));

    /// <summary>Reads the live state: both version listings, the own config and the own mode.</summary>
    public static async Task<JsonObject> ReadAsync(IRegistryGateway gateway, QualifiedSubject subject, CancellationToken cancellationToken)
    {
        var scope = RegistryScope.ForSubject(subject);
        var all = await gateway.ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, cancellationToken);
        var live = all.Count == 0 ? [] : (await gateway.ListVersionsAsync(subject, DeletedFilter.LiveOnly, cancellationToken)).ToHashSet();
        var config = await gateway.GetConfigAsync(scope, cancellationToken);
        var mode = await gateway.GetModeAsync(scope, cancellationToken);
        return Of(all.Select(v => (v, !live.Contains(v))), config?.Fields, mode?.Name);
    }
}
