using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;

namespace BulkWizard.Registry.Tests;

public sealed class ServerCapabilitiesTests
{
    [Theory]
    //          version      deletedOnly aliases fullFields ctxDelete incompatible
    [InlineData("7.3.0", false, false, false, false, 409)]
    [InlineData("7.3.1", true, false, false, false, 409)]
    [InlineData("7.4.1", true, true, false, false, 409)]
    [InlineData("7.6.1", true, true, false, false, 409)]
    [InlineData("7.6.1-ce", true, true, false, false, 409)]
    [InlineData("8.0.0", true, true, true, false, 409)]
    [InlineData("8.0.4", true, true, true, true, 40901)]
    [InlineData("8.1.1", true, true, true, true, 409)]
    [InlineData("8.1.2", true, true, true, true, 40901)]
    [InlineData("8.2.0", true, true, true, true, 40901)]
    public void FromVersion_GrantsWhatTheReleaseHas(string version, bool deletedOnly, bool aliases, bool fullFields, bool contextDelete, int incompatibleCode)
    {
        var capabilities = ServerCapabilities.FromVersion(version);

        Assert.True(capabilities.IsKnown);
        Assert.True(capabilities.SupportsContexts);
        Assert.Equal(deletedOnly, capabilities.SupportsDeletedOnly);
        Assert.Equal(aliases, capabilities.SupportsAliases);
        Assert.Equal(fullFields, capabilities.ReportsFullSchemaFields);
        Assert.Equal(contextDelete, capabilities.SupportsContextDelete);
        Assert.Equal(incompatibleCode, capabilities.IncompatibleSchemaErrorCode);
    }

    [Theory]
    [InlineData("7.6.1", false)]
    [InlineData("7.7.3", false)]
    [InlineData("7.7.4", true)]
    [InlineData("7.8.2", false)]
    [InlineData("7.8.3", true)]
    [InlineData("7.9.1", false)]
    [InlineData("7.9.2", true)]
    [InlineData("8.0.0", true)]
    [InlineData("8.1.2", true)]
    [InlineData("garbage", false)]
    public void ConfigWriteAnswersStoredConfig_FromTheFixedPatchOfEachLine(string version, bool stored)
    {
        Assert.Equal(stored, ServerCapabilities.FromVersion(version).ConfigWriteAnswersStoredConfig);
    }

    [Theory]
    [InlineData("7.5.5", false)]
    [InlineData("7.6.1", false)]
    [InlineData("7.6.2", false)]
    [InlineData("7.6.3", true)]
    [InlineData("7.7.0", true)]
    [InlineData("8.1.2", true)]
    [InlineData("garbage", false)]
    public void ListsAliases_From763On76AndFrom770(string version, bool lists)
    {
        Assert.Equal(lists, ServerCapabilities.FromVersion(version).ListsAliases);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("latest")]
    [InlineData("v8.0.0")]
    [InlineData("8")]
    [InlineData("8.x.1")]
    public void FromVersion_UnknownRelease_GrantsNothingOptional(string? version)
    {
        var capabilities = ServerCapabilities.FromVersion(version);

        Assert.False(capabilities.IsKnown);
        Assert.Equal(version, capabilities.ReportedVersion);
        Assert.False(capabilities.SupportsContexts || capabilities.SupportsDeletedOnly || capabilities.SupportsAliases
            || capabilities.ReportsFullSchemaFields || capabilities.SupportsContextDelete || capabilities.SupportsForwardMode);
        Assert.Null(capabilities.IncompatibleSchemaErrorCode);
    }

    [Fact]
    public async Task Gateway_ReadsTheVersionOnce()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/v1/metadata/version", Replies.Json("""{"version":"7.6.1","commitId":"abc"}"""));

        var first = await harness.RunAsync(g => g.GetCapabilitiesAsync(CancellationToken.None));
        var second = await harness.RunAsync(g => g.GetCapabilitiesAsync(CancellationToken.None));

        Assert.Same(first, second);
        Assert.Equal(new Version(7, 6, 1), first.Release);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Gateway_WithoutTheVersionEndpoint_IsUnknown()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/v1/metadata/version", Replies.Error(404, 404, "HTTP 404 Not Found"));

        var capabilities = await harness.RunAsync(g => g.GetCapabilitiesAsync(CancellationToken.None));
        var version = await harness.RunAsync(g => g.GetServerVersionAsync(CancellationToken.None));

        Assert.False(capabilities.IsKnown);
        Assert.Equal(ServerVersion.Unknown, version);
    }

    [Fact]
    public async Task Gateway_FailedVersionRead_IsNotKept()
    {
        using var harness = new GatewayHarness(resilience: o => o.MaxRetryAttempts = 0);
        harness.Handler.On(HttpMethod.Get, "/v1/metadata/version", Replies.Status(503), Replies.Json("""{"version":"8.1.1"}"""));

        await Assert.ThrowsAnyAsync<Exception>(() => harness.RunAsync(g => g.GetCapabilitiesAsync(CancellationToken.None)));
        var capabilities = await harness.RunAsync(g => g.GetCapabilitiesAsync(CancellationToken.None));

        Assert.True(capabilities.SupportsContextDelete);
    }

    [Fact]
    public async Task DeletedOnly_OnAReleaseWithoutIt_IsComputedAsAllMinusLive()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Get, "/v1/metadata/version", Replies.Json("""{"version":"7.2.0"}"""))
            .On(HttpMethod.Get, "/subjects", (request, ct) => Replies.Json(request.Query.Contains("deleted=true", StringComparison.Ordinal) ? """["a","b","c"]""" : """["b"]""")(request, ct));

        var subjects = await harness.RunAsync(g => g.ListSubjectsAsync(new SubjectQuery(Deleted: DeletedFilter.DeletedOnly), CancellationToken.None));

        Assert.Equal([QualifiedSubject.Parse("a"), QualifiedSubject.Parse("c")], subjects);
        Assert.DoesNotContain(harness.Handler.Requests, r => r.Query.Contains("deletedOnly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeletedOnly_OnAReleaseWithIt_IsAskedForDirectly()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Get, "/v1/metadata/version", Replies.Json("""{"version":"8.0.0"}"""))
            .On(HttpMethod.Get, "/subjects/x/versions", Replies.Json("[2]"));

        var versions = await harness.RunAsync(g => g.ListVersionsAsync(QualifiedSubject.Parse("x"), DeletedFilter.DeletedOnly, CancellationToken.None));

        Assert.Equal([2], versions);
        Assert.Equal("deletedOnly=true", harness.Handler.To(HttpMethod.Get, "/subjects/x/versions").Single().Query);
    }
}
