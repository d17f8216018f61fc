namespace BulkWizard.Bench.EndToEnd;

/// <summary>One phase of a purge seen from the client: its time, the items it went through, what it did, and the Sandbox's requests meanwhile.</summary>
internal sealed record PhaseFigures(string Label, TimeSpan Elapsed, int Items, string Outcome, RequestCounts Requests)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;
}
