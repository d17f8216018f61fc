namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// Bytes and files in the server's data directory: <c>plans/</c>, <c>backups/</c> without the journals, the
/// journals (<c>journal.jsonl</c> in each backup folder), and the rest (locks).
/// </summary>
internal sealed record DataDirectoryUsage(FolderUsage Plans, FolderUsage Backups, FolderUsage Journals, FolderUsage Other)
{
    public const string JournalFileName = "journal.jsonl";

    public FolderUsage Total => new(Plans.Files + Backups.Files + Journals.Files + Other.Files, Plans.Bytes + Backups.Bytes + Journals.Bytes + Other.Bytes);

    public static DataDirectoryUsage Measure(string root)
    {
        var files = Directory.Exists(root) ? new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories).ToList() : [];
        string Area(FileInfo file) => Path.GetRelativePath(root, file.FullName).Split(Path.DirectorySeparatorChar)[0] switch
        {
            "plans" => "plans",
            "backups" when file.Name == JournalFileName => "journals",
            "backups" => "backups",
            _ => "other",
        };
        var areas = files.GroupBy(Area).ToDictionary(g => g.Key, g => new FolderUsage(g.Count(), g.Sum(f => f.Length)));
        FolderUsage Of(string area) => areas.GetValueOrDefault(area, new FolderUsage(0, 0));
        return new DataDirectoryUsage(Of("plans"), Of("backups"), Of("journals"), Of("other"));
    }
}
