namespace BulkWizard.Core.Storage;

/// <summary>
/// The folder that holds everything BulkWizard keeps on disk: plans, backups (each with its journal) and
/// per-registry locks. Folders are created on first use, readable only by the user (Unix modes, Windows access lists), because
/// backups hold the full content of production registries.
/// </summary>
public sealed class DataDirectory
{
    /// <summary>The default root, in the user's home.</summary>
    public const string DefaultPath = "~/.bulkwizard";

    /// <param name="root">The root folder; null or blank uses <see cref="DefaultPath"/>. A leading <c>~</c> is the user's home.</param>
    /// <param name="backupsRoot">
    /// Where backups (each with its run's journal) are kept instead of <c>backups/</c> under the root, e.g. a directory
    /// shared by the servers of several machines; null or blank keeps them under the root.
    /// </param>
    public DataDirectory(string? root = null, string? backupsRoot = null)
    {
        Root = Path.GetFullPath(ExpandHome(string.IsNullOrWhiteSpace(root) ? DefaultPath : root.Trim()));
        BackupsPath = string.IsNullOrWhiteSpace(backupsRoot) ? Path.Combine(Root, "backups") : Path.GetFullPath(ExpandHome(backupsRoot.Trim()));
    }

    public string Root { get; }

    public string PlansPath => Path.Combine(Root, "plans");

    /// <summary>The backups of runs, each in a folder named after its id with the run's journal beside it.</summary>
    public string BackupsPath { get; }

    public string LocksPath => Path.Combine(Root, "locks");

    /// <summary>Archives: backups of version archivals, in the backup format, kept apart from the backups of runs.</summary>
    public string ArchivesPath => Path.Combine(Root, "archives");

    /// <summary>The journals of runs taken without a backup (a run with one keeps its journal in the backup's folder).</summary>
    public string JournalsPath => Path.Combine(Root, "journals");

    /// <summary>Finished tasks, so their status answers after a restart.</summary>
    public string TasksPath => Path.Combine(Root, "tasks");

    /// <summary>Scheduled runs still waiting for their time, so the next process picks them up.</summary>
    public string SchedulesPath => Path.Combine(Root, "schedules");

    /// <summary>Operation templates: the answers of finished wizards, saved by name.</summary>
    public string TemplatesPath => Path.Combine(Root, "templates");

    /// <summary>Plans exported for a change ticket (<c>export_plan</c>): JSON and the review page.</summary>
    public string ExportsPath => Path.Combine(Root, "exports");

    /// <summary>Reports of finished runs (<c>get_task_report</c>), one folder per task.</summary>
    public string ReportsPath => Path.Combine(Root, "reports");

    public string EnsurePlansFolder() => EnsureFolder(PlansPath);

    public string EnsureBackupsFolder() => EnsureFolder(BackupsPath);

    public string EnsureLocksFolder() => EnsureFolder(LocksPath);

    /// <summary>
    /// Creates <paramref name="path"/> and any missing parent with mode 0700 on Unix (on Windows, the folder with an
    /// owner-only access list); returns it. A folder that already exists keeps its mode, except the ones below
    /// <see cref="Root"/> or <see cref="BackupsPath"/>, which are ours and are tightened to 0700 (or the owner-only
    /// list); a shared backup directory itself keeps the mode its owner gave it.
    /// </summary>
    public string EnsureFolder(string path)
    {
        var full = Path.GetFullPath(path);

        // A create mode applies to the last folder only, and Windows sets no access list: create each missing ancestor ourselves.
        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
        {
            EnsureFolder(parent);
        }

        var existed = Directory.Exists(full);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
        }
        else
        {
            Directory.CreateDirectory(full, FilePermissions.UserOnlyFolder);
        }

        if (!existed || IsBelow(Root, full) || IsBelow(BackupsPath, full))
        {
            FilePermissions.RestrictFolder(full);
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

    private static bool IsBelow(string root, string full)
    {
        var relative = Path.GetRelativePath(root, full);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
