using System.Net;
using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Tests.Support;

/// <summary>What the Sandbox answered: status, the raw text, the parsed JSON (null when not JSON) and its <c>Retry-After</c>, if any.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string Text, JsonNode? Json, string? ContentType, string? RetryAfter = null)
{
    public int Code => (int)Status;

    public int? ErrorCode => Json is JsonObject o && o["error_code"] is JsonValue v ? v.GetValue<int>() : null;

    public int Number(string member) => Json![member]!.GetValue<int>();

    public string Str(string member) => Json![member]!.GetValue<string>();

    public int[] Ints() => Json!.AsArray().Select(n => n!.GetValue<int>()).ToArray();

    public string[] Strings() => Json!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
}
