using System.Text.Json.Nodes;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>One config field as in effect for a subject, and the scope it comes from (<c>subject</c>, <c>global</c>, <c>context .ctx</c>, <c>all contexts</c>, <c>server default</c>).</summary>
internal sealed record ConfigField(JsonNode? Value, string Source)
{
    public const string SubjectSource = "subject";
    public const string ServerDefaultSource = "server default";

    /// <summary>A boolean field that is on; a field not set anywhere is off, as the server defaults are.</summary>
    public bool IsOn => Value is JsonValue value && value.TryGetValue<bool>(out var on) && on;

    /// <summary>Where it comes from, as violations say it: "(subject config)", "(inherited from context .ctx)", "(server default)".</summary>
    public static string Origin(string source) => source switch
    {
        SubjectSource => "(subject config)",
        ServerDefaultSource => "(server default)",
        _ => $"(inherited from {source})",
    };
}
