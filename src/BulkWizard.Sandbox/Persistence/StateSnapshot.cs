using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Persistence;

/// <summary>The whole registry as written to the data file; indexes are rebuilt on load.</summary>
internal sealed record StateSnapshot(
    List<ContextSnapshot> Contexts,
    List<SchemaSnapshot> Schemas,
    List<SubjectSnapshot> Subjects,
    Dictionary<string, JsonObject> Configs,
    Dictionary<string, string> Modes);
