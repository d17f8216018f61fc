namespace BulkWizard.Bench.EndToEnd;

/// <summary>What the bench is doing, on stderr: stdout carries only the report.</summary>
internal static class Progress
{
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();

    public static void Say(string message) => Console.Error.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
}
