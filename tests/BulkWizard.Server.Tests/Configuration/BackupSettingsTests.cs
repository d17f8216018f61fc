using System.Collections;
using BulkWizard.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace BulkWizard.Server.Tests.Configuration;

public sealed class BackupSettingsTests
{
    private static BulkWizardOptions Load(params (string Key, string Value)[] settings) =>
        ServerSettingsLoader.Load(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"BulkWizard:{s.Key}", (string?)s.Value))).Build(),
            new Hashtable());

    private static string ErrorOf(params (string Key, string Value)[] settings) =>
        Assert.Throws<ConfigurationException>(() => Load(settings)).Message;

    [Fact]
    public void Load_NothingGiven_BackupsInTheDataDirectoryAndAllKept()
    {
        var options = Load();

        Assert.Null(options.BackupDirectory);
        Assert.True(options.BackupRetention.ToPolicy().KeepsEverything);
    }

    [Fact]
    public void Load_SharedDirectoryAndRetention_Bound()
    {
        var options = Load(("BackupDirectory", "/mnt/shared/bulkwizard-backups"), ("BackupRetention:MaxAgeDays", "30"), ("BackupRetention:MaxCount", "50"));

        Assert.Equal("/mnt/shared/bulkwizard-backups", options.BackupDirectory);
        Assert.Equal(new Core.Backups.Retention.BackupRetentionPolicy(30, 50), options.BackupRetention.ToPolicy());
    }

    [Theory]
    [InlineData("MaxAgeDays", "0", "BulkWizard:BackupRetention:MaxAgeDays=0 is out of range: allowed 1 to 36500, or leave it out to keep backups of any age.")]
    [InlineData("MaxAgeDays", "36501", "BulkWizard:BackupRetention:MaxAgeDays=36501 is out of range: allowed 1 to 36500, or leave it out to keep backups of any age.")]
    [InlineData("MaxCount", "0", "BulkWizard:BackupRetention:MaxCount=0 is out of range: allowed 1 or more, or leave it out to keep any number of backups.")]
    public void Load_RetentionOutOfRange_RefusedNamingTheField(string field, string value, string expected) =>
        Assert.Equal(expected, ErrorOf(($"BackupRetention:{field}", value)));

    [Fact]
    public void Load_UnknownRetentionKey_RefusedNamingIt() =>
        Assert.Contains("MaxAge", ErrorOf(("BackupRetention:MaxAge", "3")), StringComparison.Ordinal);

    [Theory]
    [InlineData("backups")]
    [InlineData("  ")]
    public void Load_RelativeOrBlankBackupDirectory_Refused(string given) =>
        Assert.Equal(
            $"BulkWizard:BackupDirectory='{given}' is not an absolute path: give one (or one starting with ~/), or leave it out to keep backups in the data directory.",
            ErrorOf(("BackupDirectory", given)));

    [Fact]
    public void Load_BackupDirectoryThatIsAFile_Refused()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.Equal($"BulkWizard:BackupDirectory='{file}' is a file, not a directory.", ErrorOf(("BackupDirectory", file)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
