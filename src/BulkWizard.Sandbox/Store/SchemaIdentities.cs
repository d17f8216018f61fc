using System.Text;
using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Store;

/// <summary>Builds the identity key: canonical text + references + metadata + rule set (+ type).</summary>
internal static class SchemaIdentities
{
    public static SchemaIdentity Of(
        string schemaType, string canonical, IReadOnlyList<SchemaReference> references, JsonObject? metadata, JsonObject? ruleSet)
    {
        var key = new StringBuilder()
            .Append(schemaType).Append('\n')
            .Append(canonical).Append('\n');
        foreach (var reference in references)
        {
            key.Append(reference.Name).Append('|').Append(reference.Subject).Append('|').Append(reference.Version).Append('\n');
        }

        key.Append(metadata?.ToJsonString() ?? "-").Append('\n').Append(ruleSet?.ToJsonString() ?? "-");
        return SchemaIdentity.FromKey(key.ToString());
    }
}
