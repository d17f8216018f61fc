namespace BulkWizard.Bench.EndToEnd;

/// <summary>A server to start for the start-up figures: its command line and its settings (environment).</summary>
internal sealed record StartupTarget(string Name, string FileName, string[] Arguments, IReadOnlyDictionary<string, string> Settings);
