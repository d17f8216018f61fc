using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Tests.Support;

/// <summary>
/// The whole registry for before/after comparisons: contexts; every subject of every context with every version
/// (soft-deleted included: id, version, type, schema, references, metadata, rule set, deleted flag); subject,
/// context and global config and mode, read without <c>defaultToGlobal</c>. Only registration times are left out.
/// </summary>
internal static class RegistrySnapshot
{
    public static async Task<JsonObject> ReadAsync(IRegistryGateway gateway)
    {
        var none = CancellationToken.None;
        var contexts = await gateway.ListContextsAsync(none);
        var root = new JsonObject
        {
            ["contexts"] = new JsonArray([.. contexts.Select(c => (JsonNode)c)]),
            ["global"] = await SettingsAsync(gateway, RegistryScope.Global),
        };
        foreach (var context in contexts.Where(c => c != QualifiedSubject.DefaultContext))
        {
            root["context " + context] = await SettingsAsync(gateway, RegistryScope.ForContext(context));
        }

        var subjects = await gateway.ListSubjectsAsync(new SubjectQuery(":*:", DeletedFilter.IncludeDeleted), none);
        foreach (var subject in subjects.OrderBy(s => s.ToString(), StringComparer.Ordinal))
        {
            var versions = new JsonArray();
            foreach (var number in await gateway.ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, none))
            {
                var version = await gateway.GetVersionAsync(subject, number, includeDeleted: true, none);
                versions.Add(version is null ? null : new JsonObject
                {
                    ["version"] = version.Version,
                    ["id"] = version.Id,
                    ["schema_type"] = version.SchemaType,
                    ["schema"] = version.Schema,
                    ["references"] = new JsonArray([.. version.References.Select(r => (JsonNode)new JsonObject { ["name"] = r.Name, ["subject"] = r.Subject, ["version"] = r.Version })]),
                    ["metadata"] = version.Metadata?.DeepClone(),
                    ["rule_set"] = version.RuleSet?.DeepClone(),
                    ["deleted"] = version.Deleted,
                });
            }

            var settings = await SettingsAsync(gateway, RegistryScope.ForSubject(subject));
            settings["versions"] = versions;
            root["subject " + subject] = settings;
        }

        return root;
    }

    /// <summary>Equal snapshots, or a failure showing both.</summary>
    public static void AssertSame(JsonObject expected, JsonObject actual)
    {
        if (!JsonNode.DeepEquals(expected, actual))
        {
            Assert.Equal(expected.ToJsonString(), actual.ToJsonString());
        }
    }

    private static async Task<JsonObject> SettingsAsync(IRegistryGateway gateway, RegistryScope scope) => new()
    {
        ["config"] = (await gateway.GetConfigAsync(scope, CancellationToken.None))?.Fields,
        ["mode"] = (await gateway.GetModeAsync(scope, CancellationToken.None))?.Name,
    };
}
