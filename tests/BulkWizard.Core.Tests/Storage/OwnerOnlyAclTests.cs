using System.Runtime.Versioning;
using System.Security.AccessControl;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tests.Storage.Support;

namespace BulkWizard.Core.Tests.Storage;

/// <summary>On Windows, what BulkWizard stores is the user's alone through access lists, as 0700/0600 make it on Unix.</summary>
[SupportedOSPlatform("windows")]
public sealed class OwnerOnlyAclTests
{
    [WindowsFact]
    public void EnsureFolders_OnWindows_OnlyTheCurrentUserIsAllowedAndNothingIsInherited()
    {
        using var temp = new TempDataDirectory();

        var backups = temp.Directory.EnsureBackupsFolder();

        foreach (var folder in new[] { temp.Root, backups })
        {
            var (isProtected, rules) = AccessLists.Of(new DirectoryInfo(folder).GetAccessControl());
            Assert.True(isProtected, folder);
            Assert.Equal([(AccessLists.CurrentUser(), FileSystemRights.FullControl, AccessControlType.Allow)], rules);
        }
    }

    [WindowsFact]
    public async Task AtomicFile_OnWindows_OnlyTheCurrentUserIsAllowed()
    {
        using var temp = new TempDataDirectory();
        var path = Path.Combine(temp.Directory.EnsurePlansFolder(), "plan.json");

        await AtomicFile.WriteAsync(path, "{}"u8.ToArray(), CancellationToken.None);

        var (isProtected, rules) = AccessLists.Of(new FileInfo(path).GetAccessControl());
        Assert.True(isProtected);
        Assert.Equal([(AccessLists.CurrentUser(), FileSystemRights.FullControl, AccessControlType.Allow)], rules);
    }

    [WindowsFact]
    public void EnsureFolder_OwnSubfolderReadableByEveryone_RestrictedToTheUser()
    {
        using var temp = new TempDataDirectory();
        Directory.CreateDirectory(temp.Directory.BackupsPath);
        AccessLists.AllowEveryoneToRead(new DirectoryInfo(temp.Directory.BackupsPath));

        temp.Directory.EnsureBackupsFolder();

        var (_, rules) = AccessLists.Of(new DirectoryInfo(temp.Directory.BackupsPath).GetAccessControl());
        Assert.Equal([(AccessLists.CurrentUser(), FileSystemRights.FullControl, AccessControlType.Allow)], rules);
    }
}
