namespace BulkWizard.Bench.EndToEnd;

/// <summary>How much a process wrote to stderr: lines, bytes (UTF-8, with newlines), and Serilog warning and error lines.</summary>
internal sealed record StderrCounts(long Lines, long Bytes, long Warnings, long Errors)
{
    public StderrCounts Add(string line) => new(
        Lines + 1,
        Bytes + System.Text.Encoding.UTF8.GetByteCount(line) + 1,
        Warnings + (line.Contains(" [WRN] ", StringComparison.Ordinal) ? 1 : 0),
        Errors + (line.Contains(" [ERR] ", StringComparison.Ordinal) || line.Contains(" [FTL] ", StringComparison.Ordinal) ? 1 : 0));
}
