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

public sealed class ScopeStateReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 13, 30, 0, TimeSpan.Zero);

    private readonly Mock<IRegistryGateway> _gateway = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _time = new(Now);

    public ScopeStateReaderTests()
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

    private Task<SubjectBackup> ReadSubjectAsync(QualifiedSubject subject) =>
        ScopeStateReader.ReadAsync(_gateway.Object, RegistryScope.ForSubject(subject), ScopeParts.All, default);

    /// <summary>
    /// A subject whose versions are all stored: the prefix listing of <c>GET /schemas</c> answers them, followed by a
    /// version of a longer name with the same prefix (which the reader must leave out); the live listing has the ones
    /// not soft-deleted.
    /// </summary>
    private void Subject(string name, IReadOnlyList<SchemaVersion> versions, RegistryConfig? config = null, RegistryMode? mode = null)
    {
        var subject = QualifiedSubject.Parse(name);
        var listing = versions.Append(Some.Version(name + "-other", 1, 99)).ToAsyncEnumerable();
        _gateway.Setup(g => g.ListSchemasAsync(new SchemaQuery(name, true, false, 100), It.IsAny<CancellationToken>())).Returns(listing);
        _gateway.Setup(g => g.ListVersionsAsync(subject, DeletedFilter.LiveOnly, It.IsAny<CancellationToken>()))
            .ReturnsAsync(versions.Where(v => v.Deleted != true).Select(v => v.Version).ToList());
        _gateway.Setup(g => g.GetConfigAsync(RegistryScope.ForSubject(subject), It.IsAny<CancellationToken>())).ReturnsAsync(config);
        _gateway.Setup(g => g.GetModeAsync(RegistryScope.ForSubject(subject), It.IsAny<CancellationToken>())).ReturnsAsync(mode);
    }

    [Fact]
    public async Task ReadSubjectAsync_EveryField_Captured()
    {
        var v1 = Some.Version(":.ctx:orders-value", 1, 7);
        var v2 = Some.Version(":.ctx:orders-value", 2, 9);
        Subject(":.ctx:orders-value", [v1, v2]);

        var backup = await ReadSubjectAsync(QualifiedSubject.Parse(":.ctx:orders-value"));

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

        var backup = await ReadSubjectAsync(QualifiedSubject.Parse("orders-value"));

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

        var backup = await ReadSubjectAsync(subject);

        Assert.Equal([(1, true), (2, false)], backup.Versions.Select(v => (v.Version, v.Deleted!.Value)));
        _gateway.Verify(g => g.ListVersionsAsync(subject, DeletedFilter.LiveOnly, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ReadSubjectAsync_NoSubjectConfigOrMode_BothNull()
    {
        Subject("a", [Some.Version("a", 1, 1)]);

        var backup = await ReadSubjectAsync(QualifiedSubject.Parse("a"));

        Assert.Null(backup.Config);
        Assert.Null(backup.Mode);
    }

    [Fact]
    public async Task ReadSubjectAsync_SubjectConfigAndMode_CapturedExactly()
    {
        Subject("a", [Some.Version("a", 1, 1)], new RegistryConfig(Some.Config()), RegistryMode.ReadOnly);

        var backup = await ReadSubjectAsync(QualifiedSubject.Parse("a"));

        Assert.Equal(Some.Config().ToJsonString(), backup.Config!.ToJsonString());
        Assert.Equal("READONLY", backup.Mode);
    }

    [Fact]
    public async Task ReadSubjectAsync_ConfigOnlySubject_EmptyVersionList()
    {
        Subject("config-only", [], RegistryConfig.WithCompatibility("NONE"));

        var backup = await ReadSubjectAsync(QualifiedSubject.Parse("config-only"));

        Assert.Empty(backup.Versions);
        Assert.Equal("NONE", backup.Config!["compatibility"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadSubjectAsync_OneListingRequest_LongerNamesWithTheSamePrefixLeftOut_InVersionOrder()
    {
        var subject = QualifiedSubject.Parse("a");
        Subject("a", [Some.Version("a", 2, 2), Some.Version("a", 1, 1)]);

        var backup = await ReadSubjectAsync(subject);

        Assert.Equal([1, 2], backup.Versions.Select(v => v.Version));
        Assert.All(backup.Versions, v => Assert.Equal(subject, v.Subject));
        _gateway.Verify(g => g.ListSchemasAsync(It.IsAny<SchemaQuery>(), It.IsAny<CancellationToken>()), Times.Once);
        _gateway.Verify(g => g.GetVersionAsync(It.IsAny<QualifiedSubject>(), It.IsAny<VersionSelector>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ReadAsync_ConfigPartOnly_OneReadAndNothingElseCaptured()
    {
        Subject("a", [Some.Version("a", 1, 1)], RegistryConfig.WithCompatibility("FULL"), RegistryMode.ReadOnly);

        var backup = await ScopeStateReader.ReadAsync(_gateway.Object, RegistryScope.ForSubject(QualifiedSubject.Parse("a")), ScopeParts.Config, default);

        Assert.Equal(ScopeParts.Config, backup.Captured);
        Assert.Equal("FULL", backup.Config!["compatibility"]!.GetValue<string>());
        Assert.Null(backup.Mode);
        Assert.Empty(backup.Versions);
        _gateway.Verify(g => g.GetModeAsync(It.IsAny<RegistryScope>(), It.IsAny<CancellationToken>()), Times.Never);
        _gateway.Verify(g => g.ListVersionsAsync(It.IsAny<QualifiedSubject>(), It.IsAny<DeletedFilter>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ReadAsync_ContextScope_ConfigAndModeUnderItsQualifiedName()
    {
        var scope = RegistryScope.ForContext(".staging");
        _gateway.Setup(g => g.GetConfigAsync(scope, It.IsAny<CancellationToken>())).ReturnsAsync(RegistryConfig.WithCompatibility("NONE"));
        _gateway.Setup(g => g.GetModeAsync(scope, It.IsAny<CancellationToken>())).ReturnsAsync((RegistryMode?)null);

        var backup = await ScopeStateReader.ReadAsync(_gateway.Object, scope, ScopeParts.All, default);

        Assert.Equal(":.staging:", backup.Subject);
        Assert.Equal(ScopeParts.Config | ScopeParts.Mode, backup.Captured);
        Assert.Null(backup.Mode);
    }

    [Fact]
    public async Task ReadAsync_RegistryWithCredentials_NoSecretInStoredForm()
    {
        Subject("a", [Some.Version("a", 1, 1)], new RegistryConfig(Some.Config()), RegistryMode.Import);

        var backup = await ScopeStateReader.ReadAsync(_gateway.Object, RegistryScope.ForSubject(QualifiedSubject.Parse("a")), ScopeParts.All, default);
        var stored = JsonSerializer.Serialize(backup, StorageJson.Options);

        Assert.DoesNotContain("secret", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("registry.example.com", stored, StringComparison.OrdinalIgnoreCase);
    }
}
