namespace BulkWizard.Core.Storage;

/// <summary>The Unix modes of what BulkWizard stores: only the user may read, write or enter.</summary>
internal static class FilePermissions
{
    /// <summary>0600.</summary>
    public const UnixFileMode UserOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>0700.</summary>
    public const UnixFileMode UserOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Options for a new file created with mode 0600 on Unix.</summary>
    public static FileStreamOptions NewUserOnlyFile(FileMode mode, FileAccess access = FileAccess.Write, FileShare share = FileShare.Read)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UserOnlyFile;
        }

        return options;
    }
}
