using BulkWizard.Core.Storage;
using BulkWizard.Core.Tests.Storage.Support;

namespace BulkWizard.Core.Tests.Storage;

public sealed class DataDirectoryTests
{
    private static readonly string Home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    [Fact]
    public void Constructor_NoPath_UsesBulkwizardInHome()
    {
        Assert.Equal(Path.GetFullPath(Path.Combine(Home, ".bulkwizard")), new DataDirectory().Root);
        Assert.Equal(Path.GetFullPath(Path.Combine(Home, ".bulkwizard")), new DataDirectory("  ").Root);
    }

    [Fact]
    public void Constructor_LeadingTilde_ExpandsToHome()
    {
        Assert.Equal(Path.GetFullPath(Path.Combine(Home, "data", "bw")), new DataDirectory("~/data/bw").Root);
    }

    [Fact]
    public void ExpandHome_TildeInsideOrUserName_LeftAlone()
    {
        Assert.Equal("/srv/~/bw", DataDirectory.ExpandHome("/srv/~/bw"));
        Assert.Equal("~other/bw", DataDirectory.ExpandHome("~other/bw"));
    }

    [Fact]
    public void Subfolders_BeforeUse_NotCreated()
    {
        using var temp = new TempDataDirectory();

        Assert.Equal(Path.Combine(temp.Root, "backups"), temp.Directory.BackupsPath);
        Assert.False(Directory.Exists(temp.Root));
    }

    [UnixFact]
    public void EnsureFolders_OnUnix_RootAndSubfoldersAre0700()
    {
        using var temp = new TempDataDirectory();

        var plans = temp.Directory.EnsurePlansFolder();
        var backups = temp.Directory.EnsureBackupsFolder();
        var locks = temp.Directory.EnsureLocksFolder();

        foreach (var folder in new[] { temp.Root, plans, backups, locks })
        {
            Assert.Equal(FileModes.Mode0700, FileModes.Of(folder));
        }
    }

    [UnixFact]
    public void EnsureFolder_OwnSubfolderWithWiderMode_TightenedTo0700()
    {
        using var temp = new TempDataDirectory();
        Directory.CreateDirectory(temp.Directory.BackupsPath);
        FileModes.Set(temp.Directory.BackupsPath, FileModes.Mode0700 | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        temp.Directory.EnsureBackupsFolder();

        Assert.Equal(FileModes.Mode0700, FileModes.Of(temp.Directory.BackupsPath));
    }
}
