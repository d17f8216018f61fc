using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// A schema under an id in one context. <see cref="Usages"/> are the subject versions (live or
/// soft-deleted) that use it; when the last one is hard-deleted the id stops resolving.
/// </summary>
internal sealed class StoredSchema(
    int id,
    string context,
    string schemaType,
    string schema,
    IReadOnlyList<SchemaReference> references,
    JsonObject? metadata,
    JsonObject? ruleSet,
    SchemaIdentity identity)
{
    public int Id { get; } = id;

    public string Context { get; } = context;

    public string SchemaType { get; } = schemaType;

    /// <summary>The canonical text.</summary>
    public string Schema { get; } = schema;

    public IReadOnlyList<SchemaReference> References { get; } = references;

    public JsonObject? Metadata { get; } = metadata;

    public JsonObject? RuleSet { get; } = ruleSet;

    public SchemaIdentity Identity { get; } = identity;

    public HashSet<SubjectVersionKey> Usages { get; } = [];
}
