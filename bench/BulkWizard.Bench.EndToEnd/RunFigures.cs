using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>One confirmed run seen from the client: from the confirm call to reading the finished status, and the finished task.</summary>
internal sealed record RunFigures(string Label, TimeSpan Elapsed, JsonObject Task)
{
    public string Status => Task.Str("status") ?? "?";

    public JsonNode? Result => Task["result"];

    /// <summary>Items the run went through: applied for a real run, would-apply for a dry run.</summary>
    public int Items => Result.Int("applied") + Result.Int("would_apply");

    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;

    public TimeSpan? ServerDuration => TaskPolling.ServerDuration(Task);

    /// <summary>Status and outcome counts in a few words, e.g. <c>completed: 10000 applied</c>.</summary>
    public string Outcome
    {
        get
        {
            var parts = new[] { ("applied", "applied"), ("would_apply", "would apply"), ("failed", "failed"), ("conflicts", "conflicts"), ("skipped", "skipped"), ("undone", "undone") }
                .Where(p => Result.Int(p.Item1) > 0)
                .Select(p => $"{Result.Int(p.Item1)} {p.Item2}");
            var errors = Result?["first_errors"] is JsonArray { Count: > 0 } first ? $"; first error: {first[0]}" : string.Empty;
            return $"{Status}: {string.Join(", ", parts)}{errors}";
        }
    }
}
