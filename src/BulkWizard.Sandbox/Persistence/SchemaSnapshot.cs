using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Persistence;

internal sealed record SchemaSnapshot(
    string Context,
    int Id,
    string SchemaType,
    string Schema,
    List<SchemaReference> References,
    JsonObject? Metadata,
    JsonObject? RuleSet);
