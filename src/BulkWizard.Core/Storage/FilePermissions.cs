namespace BulkWizard.Core.Storage;

/// <summary>
/// What BulkWizard stores is readable only by the user: Unix modes 0600 and 0700, and on Windows an access list that
/// allows the current user alone (<see cref="OwnerOnlyAcl"/>), inherited by what is created in a restricted folder.
/// </summary>
internal static class FilePermissions
{
    /// <summary>0600.</summary>
    public const UnixFileMode UserOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>0700.</summary>
    public const UnixFileMode UserOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Options for a new file created with mode 0600 on Unix. On Windows the file takes the access list of its
    /// folder, which <see cref="RestrictFolder"/> made owner-only.
    /// </summary>
    public static FileStreamOptions NewUserOnlyFile(FileMode mode, FileAccess access = FileAccess.Write, FileShare share = FileShare.Read)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UserOnlyFile;
        }

        return options;
    }

    /// <summary>Makes an existing file the user's alone: exactly 0600 (whatever the umask), or the owner-only access list.</summary>
    public static void RestrictFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            OwnerOnlyAcl.Apply(new FileInfo(path));
        }
        else
        {
            File.SetUnixFileMode(path, UserOnlyFile);
        }
    }

    /// <summary>Makes an existing folder the user's alone: exactly 0700, or the owner-only access list its new files inherit.</summary>
    public static void RestrictFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            OwnerOnlyAcl.Apply(new DirectoryInfo(path));
        }
        else
        {
            File.SetUnixFileMode(path, UserOnlyFolder);
        }
    }
}
