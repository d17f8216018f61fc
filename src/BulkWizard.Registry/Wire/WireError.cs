using System.Text.Json.Serialization;

namespace BulkWizard.Registry.Wire;

/// <summary>The registry's error body: <c>{"error_code": 40401, "message": "…"}</c>.</summary>
internal sealed record WireError(
    [property: JsonPropertyName("error_code")] int? ErrorCode,
    [property: JsonPropertyName("message")] string? Message);
