namespace BulkWizard.Core.Storage;

/// <summary>
/// The folder that holds everything BulkWizard keeps on disk: plans, backups (each with its journal) and
/// per-registry locks. Folders are created on first use, readable only by the user on Unix, because
/// backups hold the full content of production registries.
/// </summary>
public sealed class DataDirectory
{
    /// <summary>The default root, in the user's home.</summary>
    public const string DefaultPath = "~/.bulkwizard";

    /// <param name="root">The root folder; null or blank uses <see cref="DefaultPath"/>. A leading <c>~</c> is the user's home.</param>
    public DataDirectory(string? root = null)
    {
        Root = Path.GetFullPath(ExpandHome(string.IsNullOrWhiteSpace(root) ? DefaultPath : root.Trim()));
    }

    public string Root { get; }

    public string PlansPath => Path.Combine(Root, "plans");

    public string BackupsPath => Path.Combine(Root, "backups");

    public string LocksPath => Path.Combine(Root, "locks");

    /// <summary>Archives: backups of version archivals, in the backup format, kept apart from the backups of runs.</summary>
    public string ArchivesPath => Path.Combine(Root, "archives");

    /// <summary>The journals of runs taken without a backup (a run with one keeps its journal in the backup's folder).</summary>
    public string JournalsPath => Path.Combine(Root, "journals");

    /// <summary>Finished tasks, so their status answers after a restart.</summary>
    public string TasksPath => Path.Combine(Root, "tasks");

    /// <summary>Plans exported for a change ticket (<c>export_plan</c>): JSON and the review page.</summary>
    public string ExportsPath => Path.Combine(Root, "exports");

    /// <summary>Reports of finished runs (<c>get_task_report</c>), one folder per task.</summary>
    public string ReportsPath => Path.Combine(Root, "reports");

    public string EnsurePlansFolder() => EnsureFolder(PlansPath);

    public string EnsureBackupsFolder() => EnsureFolder(BackupsPath);

    public string EnsureLocksFolder() => EnsureFolder(LocksPath);

    /// <summary>
    /// Creates <paramref name="path"/> and any missing parent with mode 0700 on Unix; returns it. A folder
    /// that already exists keeps its mode, except the ones below <see cref="Root"/>, which are ours and are
    /// tightened to 0700.
    /// </summary>
    public string EnsureFolder(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        // The runtime applies a create mode to the last folder only: create each missing ancestor ourselves.
        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
        {
            EnsureFolder(parent);
        }

        Directory.CreateDirectory(full, FilePermissions.UserOnlyFolder);
        if (IsBelowRoot(full))
        {
            File.SetUnixFileMode(full, FilePermissions.UserOnlyFolder);
        }

        return full;
    }

    /// <summary>Replaces a leading <c>~</c> (alone or followed by a separator) with the user's home folder.</summary>
    public static string ExpandHome(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return home + path[1..];
        }

        return path;
    }

    private bool IsBelowRoot(string full)
    {
        var relative = Path.GetRelativePath(Root, full);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
