using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Store;

/// <summary>The identity of a schema as stored: canonical text, references, metadata and rule set; the type is not part of it.</summary>
internal static class SchemaIdentities
{
    public static SchemaIdentity Of(
        string canonical, IReadOnlyList<SchemaReference> references, JsonObject? metadata, JsonObject? ruleSet) =>
        SchemaIdentity.FromDigest(SchemaDigest.Compute(canonical, references, metadata, ruleSet));
}
