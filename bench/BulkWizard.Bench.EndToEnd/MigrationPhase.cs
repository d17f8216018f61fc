namespace BulkWizard.Bench.EndToEnd;

/// <summary>One phase of a migration seen from the client: its time, the items it went through, what it did, and each registry's requests meanwhile.</summary>
internal sealed record MigrationPhase(string Label, TimeSpan Elapsed, int Items, string Outcome, RequestCounts Source, RequestCounts Target)
{
    public double ItemsPerSecond => Items / Elapsed.TotalSeconds;
}
