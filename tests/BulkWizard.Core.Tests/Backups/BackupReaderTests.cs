using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tests.Backups.Support;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace BulkWizard.Core.Tests.Backups;

public sealed class BackupReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 13, 30, 0, TimeSpan.Zero);

    private readonly Mock<IRegistryGateway> _gateway = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _time = new(Now);

    public BackupReaderTests()
    {
        _gateway.Setup(g => g.Registry).Returns(new RegistryOptions
        {
            Name = "prod",
            Url = "https://admin:url-secret@registry.example.com",
            Username = "admin",
            Password = "p4ssw0rd-secret",
            BearerToken = "bearer-secret",
        });
    }

    private BackupReader Reader => new(_gateway.Object, _time);

    /// <summary>A subject whose versions are all stored; the live listing has the ones not soft-deleted.</summary>
    private void Subject(string name, IReadOnlyList<SchemaVersion> versions, RegistryConfig? config = null, RegistryMode? mode = null)
    {
        var subject = QualifiedSubject.Parse(name);
        _gateway.Setup(g => g.ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, It.IsAny<CancellationToken>()))
            .ReturnsAsync(versions.Select(v => v.Version).ToList());
        _gateway.Setup(g => g.ListVersionsAsync(subject, DeletedFilter.LiveOnly, It.IsAny<CancellationToken>()))
            .ReturnsAsync(versions.Where(v => v.Deleted != true).Select(v => v.Version).ToList());
        foreach (var version in versions)
        {
            _gateway.Setup(g => g.GetVersionAsync(subject, VersionSelector.Of(version.Version), true, It.IsAny<CancellationToken>()))
                .ReturnsAsync(version);
        }

        _gateway.Setup(g => g.GetConfigAsync(RegistryScope.ForSubject(subject), It.IsAny<CancellationToken>())).ReturnsAsync(config);
        _gateway.Setup(g => g.GetModeAsync(RegistryScope.ForSubject(subject), It.IsAny<CancellationToken>())).ReturnsAsync(mode);
    }

    [Fact]
    public async Task ReadSubjectAsync_EveryField_Captured()
    {
        var v1 = Some.Version(":.ctx:orders-value", 1, 7);
        var v2 = Some.Version(":.ctx:orders-value", 2, 9);
        Subject(":.ctx:orders-value", [v1, v2]);

        var backup = await Reader.ReadSubjectAsync(QualifiedSubject.Parse(":.ctx:orders-value"), default);

        Assert.Equal(":.ctx:orders-value", backup.Subject);
        Assert.Equal([v1, v2], backup.Versions);
        Assert.Equal(SchemaTypes.Avro, backup.Versions[0].SchemaType);
        Assert.Equal([new SchemaReference("com.acme.Ref", "ref-value", 2)], backup.Versions[0].References);
        Assert.True(JsonNode.DeepEquals(Some.Metadata(1), backup.Versions[0].Metadata));
        Assert.True(JsonNode.DeepEquals(Some.RuleSet(), backup.Versions[0].RuleSet));
    }

    [Fact]
    public async Task ReadSubjectAsync_SoftDeletedVersions_IncludedWithTheirFlag()
    {
        Subject("orders-value", [Some.Version("orders-value", 1, 1, deleted: true), Some.Version("orders-value", 3, 4, deleted: false)]);

        var backup = await Reader.ReadSubjectAsync(QualifiedSubject.Parse("orders-value"), default);

        Assert.Equal([(1, true), (3, false)], backup.Versions.Select(v => (v.Version, v.Deleted!.Value)));
        _gateway.Verify(g => g.ListVersionsAsync(It.IsAny<QualifiedSubject>(), DeletedFilter.LiveOnly, It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ReadSubjectAsync_RegistryWithoutDeletedFlag_DerivedFromLiveVersions()
    {
        var subject = QualifiedSubject.Parse("legacy-value");
        Subject("legacy-value", [Some.Version("legacy-value", 1, 1, deleted: null), Some.Version("legacy-value", 2, 2, deleted: null)]);
        // A 7.x registry: the live listing has only version 2.
        _gateway.Setup(g => g.ListVersionsAsync(subject, DeletedFilter.LiveOnly, It.IsAny<CancellationToken>())).ReturnsAsync([2]);

        var backup = await Reader.ReadSubjectAsync(subject, default);

        Assert.Equal([(1, true), (2, false)], backup.Versions.Select(v => (v.Version, v.Deleted!.Value)));
        _gateway.Verify(g => g.ListVersionsAsync(subject, DeletedFilter.LiveOnly, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ReadSubjectAsync_NoSubjectConfigOrMode_BothNull()
    {
        Subject("a", [Some.Version("a", 1, 1)]);

        var backup = await Reader.ReadSubjectAsync(QualifiedSubject.Parse("a"), default);

        Assert.Null(backup.Config);
        Assert.Null(backup.Mode);
    }

    [Fact]
    public async Task ReadSubjectAsync_SubjectConfigAndMode_CapturedExactly()
    {
        Subject("a", [Some.Version("a", 1, 1)], new RegistryConfig(Some.Config()), RegistryMode.ReadOnly);

        var backup = await Reader.ReadSubjectAsync(QualifiedSubject.Parse("a"), default);

        Assert.Equal(Some.Config().ToJsonString(), backup.Config!.ToJsonString());
        Assert.Equal("READONLY", backup.Mode);
    }

    [Fact]
    public async Task ReadSubjectAsync_ConfigOnlySubject_EmptyVersionList()
    {
        Subject("config-only", [], RegistryConfig.WithCompatibility("NONE"));

        var backup = await Reader.ReadSubjectAsync(QualifiedSubject.Parse("config-only"), default);

        Assert.Empty(backup.Versions);
        Assert.Equal("NONE", backup.Config!["compatibility"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadSubjectAsync_VersionHardDeletedMeanwhile_LeftOut()
    {
        var subject = QualifiedSubject.Parse("a");
        Subject("a", [Some.Version("a", 1, 1), Some.Version("a", 2, 2)]);
        _gateway.Setup(g => g.GetVersionAsync(subject, VersionSelector.Of(1), true, It.IsAny<CancellationToken>())).ReturnsAsync((SchemaVersion?)null);

        var backup = await Reader.ReadSubjectAsync(subject, default);

        Assert.Equal([2], backup.Versions.Select(v => v.Version));
    }

    [Fact]
    public async Task ReadAsync_SubjectsFinishingOutOfOrder_GivenOrderKept()
    {
        string[] names = ["c", "a", ":.ctx:b", "d"];
        foreach (var name in names)
        {
            Subject(name, [Some.Version(name, 1, 1)]);
        }

        // The first subject can only finish after the last one has started: completion order differs from the given one.
        var lastStarted = new TaskCompletionSource<IReadOnlyList<int>>(TaskCreationOptions.RunContinuationsAsynchronously);
        _gateway.Setup(g => g.ListVersionsAsync(QualifiedSubject.Parse("c"), DeletedFilter.IncludeDeleted, It.IsAny<CancellationToken>()))
            .Returns(lastStarted.Task);
        _gateway.Setup(g => g.ListVersionsAsync(QualifiedSubject.Parse("d"), DeletedFilter.IncludeDeleted, It.IsAny<CancellationToken>()))
            .Callback(() => lastStarted.TrySetResult([1]))
            .ReturnsAsync([1]);

        var backup = await Reader.ReadAsync("plan_1", "schema_update", names.Select(QualifiedSubject.Parse).ToList(), maxParallel: 4, default);

        Assert.Equal(names, backup.Subjects.Select(s => s.Subject));
    }

    [Fact]
    public async Task ReadAsync_MaxParallel_NeverExceeded()
    {
        var names = Enumerable.Range(0, 12).Select(i => $"s{i}").ToList();
        var running = 0;
        var peak = 0;
        foreach (var name in names)
        {
            Subject(name, []);
            _gateway.Setup(g => g.ListVersionsAsync(QualifiedSubject.Parse(name), DeletedFilter.IncludeDeleted, It.IsAny<CancellationToken>()))
                .Returns(async () =>
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref peak, now);
                    await Task.Yield();
                    Interlocked.Decrement(ref running);
                    return (IReadOnlyList<int>)[];
                });
        }

        await Reader.ReadAsync("plan_1", "schema_update", names.Select(QualifiedSubject.Parse).ToList(), maxParallel: 3, default);

        Assert.InRange(peak, 1, 3);
    }

    [Fact]
    public async Task ReadAsync_Backup_IdentifiedAndStampedFromRegistryAndClock()
    {
        Subject("a", [Some.Version("a", 1, 1)]);

        var backup = await Reader.ReadAsync("plan_9", "schema_update", [QualifiedSubject.Parse("a"), QualifiedSubject.Parse("a")], 2, default);

        Assert.True(BackupId.IsValid(backup.Id));
        Assert.StartsWith("bk_20261126T133000Z_", backup.Id, StringComparison.Ordinal);
        Assert.Equal(("prod", "plan_9", "schema_update", Now), (backup.Registry, backup.PlanId, backup.OperationType, backup.CreatedAt));
        Assert.Single(backup.Subjects);
    }

    [Fact]
    public async Task ReadAsync_RegistryWithCredentials_NoSecretInStoredForm()
    {
        Subject("a", [Some.Version("a", 1, 1)], new RegistryConfig(Some.Config()), RegistryMode.Import);

        var backup = await Reader.ReadAsync("plan_1", "schema_update", [QualifiedSubject.Parse("a")], 1, default);
        var stored = JsonSerializer.Serialize(backup, StorageJson.Options);

        Assert.DoesNotContain("secret", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("registry.example.com", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"registry\": \"prod\"", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MaxParallelBelowOne_Refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Reader.ReadAsync("p", "t", [], 0, default));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
