using BulkWizard.Core.Backups;
using BulkWizard.Core.Tests.Backups.Support;

namespace BulkWizard.Core.Tests.Backups;

public sealed class BackupTests
{
    private static readonly DateTimeOffset Taken = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Find_ListedSubject_ReturnsItsBackup()
    {
        var b = Some.Subject("test-b", versions: 2);
        var backup = Some.Backup("b1", Taken, Some.Subject("test-a", versions: 1), b, Some.Subject(":.staging:test-b", versions: 1));

        Assert.Same(b, backup.Find("test-b"));
        Assert.Null(backup.Find("test-c"));
        Assert.Null(backup.Find("TEST-B"));
    }

    [Fact]
    public void Find_SubjectListedTwice_ReturnsTheFirst()
    {
        var first = Some.Subject("test-a", versions: 1);
        var backup = Some.Backup("b1", Taken, first, Some.Subject("test-a", versions: 2));

        Assert.Same(first, backup.Find("test-a"));
    }

    [Fact]
    public void Find_CopyWithOtherSubjects_LooksInTheCopysList()
    {
        var backup = Some.Backup("b1", Taken, Some.Subject("test-a", versions: 1));
        Assert.NotNull(backup.Find("test-a"));

        var other = Some.Subject("test-b", versions: 1);
        var copy = backup with { Subjects = [other] };

        Assert.Null(copy.Find("test-a"));
        Assert.Same(other, copy.Find("test-b"));
        Assert.NotNull(backup.Find("test-a"));
    }
}
