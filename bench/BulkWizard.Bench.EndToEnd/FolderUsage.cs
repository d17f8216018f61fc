namespace BulkWizard.Bench.EndToEnd;

/// <summary>A number of files and their size.</summary>
internal sealed record FolderUsage(int Files, long Bytes)
{
    public override string ToString() => $"{Bytes / 1024.0 / 1024.0:0.0} MiB in {Files} file(s)";
}
