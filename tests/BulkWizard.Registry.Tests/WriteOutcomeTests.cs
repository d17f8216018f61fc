using System.Net;
using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using SchemaRegistryException = Confluent.SchemaRegistry.SchemaRegistryException;

namespace BulkWizard.Registry.Tests;

public sealed class WriteOutcomeTests
{
    private static readonly QualifiedSubject Orders = QualifiedSubject.Parse("orders");
    private static readonly RegisterSchemaRequest Schema = new(Schemas.Avro);

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Register_ServerErrorButSchemaIsThere_IsAppliedWithoutASecondRegister(int status)
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Post, "/subjects/orders/versions", Replies.Status(status))
            .On(HttpMethod.Post, "/subjects/orders", Replies.Json(Schemas.Version("orders", 3, 41)));

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None));

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        Assert.Equal(new RegisteredSchema(41, 3, null), result.Value);
        Assert.True(result.WasVerified);
        Assert.Single(harness.Handler.To(HttpMethod.Post, "/subjects/orders/versions"));
    }

    [Fact]
    public async Task Register_TimeoutAndSchemaAbsent_WithoutRetries_IsNotApplied()
    {
        using var harness = new GatewayHarness(o => o.RequestTimeoutSeconds = 3, r => r.MaxRetryAttempts = 0);
        harness.Handler
            .On(HttpMethod.Post, "/subjects/orders/versions", Replies.Hang)
            .On(HttpMethod.Post, "/subjects/orders", Replies.Error(404, 40403));

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None));

        Assert.Equal(WriteOutcome.NotApplied, result.Outcome);
        Assert.Null(result.Value);
        Assert.Single(harness.Handler.To(HttpMethod.Post, "/subjects/orders/versions"));
        var thrown = Assert.Throws<RegistryWriteOutcomeException>(() => result.GetValueOrThrow("prod", "register"));
        Assert.Equal(WriteOutcome.NotApplied, thrown.Outcome);
    }

    [Fact]
    public async Task Register_ConnectionResetAndReReadFails_IsUnknown()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Post, "/subjects/orders/versions", Replies.Reset)
            .On(HttpMethod.Post, "/subjects/orders", Replies.Status(503));

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None));

        Assert.Equal(WriteOutcome.Unknown, result.Outcome);
        Assert.Single(harness.Handler.To(HttpMethod.Post, "/subjects/orders/versions"));
    }

    [Fact]
    public async Task Register_ConnectionRefused_WithoutRetries_IsNotAppliedWithoutReRead()
    {
        using var harness = new GatewayHarness(resilience: r => r.MaxRetryAttempts = 0);
        harness.Handler.On(HttpMethod.Post, "/subjects/orders/versions", Replies.Refuse);

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None));

        Assert.Equal(WriteOutcome.NotApplied, result.Outcome);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Register_ImportFoundUnderAnotherId_IsUnknown()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Post, "/subjects/orders/versions", Replies.Status(500))
            .On(HttpMethod.Post, "/subjects/orders", Replies.Json(Schemas.Version("orders", 3, 41)));

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema with { Id = 99, Version = 3 }, CancellationToken.None));

        Assert.Equal(WriteOutcome.Unknown, result.Outcome);
    }

    [Theory]
    [InlineData(409, 40901)]
    [InlineData(409, 409)]
    [InlineData(422, 42205)]
    [InlineData(422, 42201)]
    public async Task Register_DefiniteRefusal_IsThrownAndNotReRead(int status, int errorCode)
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Post, "/subjects/orders/versions", Replies.Error(status, errorCode));

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None)));

        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Register_SendsImportBodyAndNormalize()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Post, "/subjects/orders/versions", Replies.Json("""{"id":5000,"version":7,"guid":"g"}"""));
        var request = new RegisterSchemaRequest(Schemas.Avro, SchemaTypes.Avro, [new SchemaReference("Ref", "ref-value", 2)], Id: 5000, Version: 7, Normalize: true);

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, request, CancellationToken.None));

        Assert.Equal(new RegisteredSchema(5000, 7, "g"), result.Value);
        var sent = Assert.Single(harness.Handler.Requests);
        Assert.Equal("normalize=true", sent.Query);
        Assert.Contains("\"id\":5000", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"version\":7", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"references\":[{\"name\":\"Ref\",\"subject\":\"ref-value\",\"version\":2}]", sent.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("metadata", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SoftDeleteVersion_LostAnswerAndVersionNowSoftDeleted_IsApplied()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Delete, "/subjects/orders/versions/2", Replies.Reset)
            .On(HttpMethod.Get, "/subjects/orders/versions/2", (request, ct) =>
                request.Query.Contains("deleted=true", StringComparison.Ordinal)
                    ? Replies.Json(Schemas.Version("orders", 2, 8))(request, ct)
                    : Replies.Error(404, 40402)(request, ct));

        var result = await harness.RunAsync(g => g.DeleteVersionAsync(Orders, 2, DeleteKind.Soft, CancellationToken.None));

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        Assert.Equal(2, result.Value);
        Assert.Single(harness.Handler.To(HttpMethod.Delete, "/subjects/orders/versions/2"));
    }

    [Fact]
    public async Task SoftDeleteVersion_LostAnswerAndVersionStillLive_WithoutRetries_IsNotApplied_ThenRepeated40406MeansApplied()
    {
        using var harness = new GatewayHarness(resilience: r => r.MaxRetryAttempts = 0);
        harness.Handler
            .On(HttpMethod.Delete, "/subjects/orders/versions/2", Replies.Status(503), Replies.Error(404, 40406))
            .On(HttpMethod.Get, "/subjects/orders/versions/2", Replies.Json(Schemas.Version("orders", 2, 8)));

        var first = await harness.RunAsync(g => g.DeleteVersionAsync(Orders, 2, DeleteKind.Soft, CancellationToken.None));
        var second = await harness.RunAsync(g => g.DeleteVersionAsync(Orders, 2, DeleteKind.Soft, CancellationToken.None));

        Assert.Equal(WriteOutcome.NotApplied, first.Outcome);
        Assert.Equal(WriteOutcome.Applied, second.Outcome);
        Assert.True(second.WasVerified);
        Assert.Equal(2, harness.Handler.To(HttpMethod.Delete, "/subjects/orders/versions/2").Count);
    }

    [Fact]
    public async Task SoftDeleteVersion_40406WithoutAnEarlierLostAttempt_IsThrown()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Delete, "/subjects/orders/versions/2", Replies.Error(404, 40406));

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => harness.RunAsync(g => g.DeleteVersionAsync(Orders, 2, DeleteKind.Soft, CancellationToken.None)));

        Assert.Equal(RegistryErrorCodes.VersionSoftDeleted, error.ErrorCode);
    }

    [Fact]
    public async Task PermanentDeleteVersion_TimeoutAndVersionGone_IsApplied()
    {
        using var harness = new GatewayHarness(o => o.RequestTimeoutSeconds = 2);
        harness.Handler
            .On(HttpMethod.Delete, "/subjects/orders/versions/1", Replies.Hang)
            .On(HttpMethod.Get, "/subjects/orders/versions/1", Replies.Error(404, 40402));

        var result = await harness.RunAsync(g => g.DeleteVersionAsync(Orders, 1, DeleteKind.Permanent, CancellationToken.None));

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        var delete = Assert.Single(harness.Handler.To(HttpMethod.Delete, "/subjects/orders/versions/1"));
        Assert.Equal("permanent=true", delete.Query);
        Assert.Contains("deleted=true", harness.Handler.To(HttpMethod.Get, "/subjects/orders/versions/1")[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteLatest_LostAnswer_IsUnknown()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Delete, "/subjects/orders/versions/latest", Replies.Status(500));

        var result = await harness.RunAsync(g => g.DeleteVersionAsync(Orders, VersionSelector.Latest, DeleteKind.Soft, CancellationToken.None));

        Assert.Equal(WriteOutcome.Unknown, result.Outcome);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task SoftDeleteSubject_LostAnswerAndNoLiveVersionLeft_IsAppliedWithTheVersions()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Delete, "/subjects/orders", Replies.Reset)
            .On(HttpMethod.Get, "/subjects/orders/versions", (request, ct) =>
                request.Query.Contains("deleted=true", StringComparison.Ordinal)
                    ? Replies.Json("[1,2]")(request, ct)
                    : Replies.Error(404, 40401)(request, ct));

        var result = await harness.RunAsync(g => g.DeleteSubjectAsync(Orders, DeleteKind.Soft, CancellationToken.None));

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        Assert.Equal([1, 2], result.Value);
        Assert.Single(harness.Handler.To(HttpMethod.Delete, "/subjects/orders"));
    }

    [Fact]
    public async Task PermanentDeleteSubject_LostAnswerAndVersionsRemain_WithoutRetries_IsNotApplied_ThenRepeated40401MeansApplied()
    {
        using var harness = new GatewayHarness(resilience: r => r.MaxRetryAttempts = 0);
        harness.Handler
            .On(HttpMethod.Delete, "/subjects/orders", Replies.Status(502), Replies.Error(404, 40401))
            .On(HttpMethod.Get, "/subjects/orders/versions", Replies.Json("[1]"), Replies.Error(404, 40401));

        var first = await harness.RunAsync(g => g.DeleteSubjectAsync(Orders, DeleteKind.Permanent, CancellationToken.None));
        var second = await harness.RunAsync(g => g.DeleteSubjectAsync(Orders, DeleteKind.Permanent, CancellationToken.None));

        Assert.Equal(WriteOutcome.NotApplied, first.Outcome);
        Assert.Equal(WriteOutcome.Applied, second.Outcome);
        Assert.Empty(second.Value!);
    }

    [Fact]
    public async Task DeleteVersion_Answered_ReturnsTheRegistrysNumber()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Delete, "/subjects/orders/versions/latest", Replies.Json("4"));

        var result = await harness.RunAsync(g => g.DeleteVersionAsync(Orders, VersionSelector.Latest, DeleteKind.Soft, CancellationToken.None));

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        Assert.Equal(4, result.Value);
        Assert.False(result.WasVerified);
    }

    [Fact]
    public async Task Write_CancelledByCaller_IsNotClassified()
    {
        using var harness = new GatewayHarness();
        using var cancellation = new CancellationTokenSource();
        harness.Handler.On(HttpMethod.Post, "/subjects/orders/versions", (request, ct) =>
        {
            cancellation.Cancel();
            return Replies.Hang(request, ct);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.RunAsync(g => g.RegisterAsync(Orders, Schema, cancellation.Token)));

        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task Register_TooManyRequests_WithoutRetries_IsNotApplied()
    {
        using var harness = new GatewayHarness(resilience: r => r.MaxRetryAttempts = 0);
        harness.Handler.On(HttpMethod.Post, "/subjects/orders/versions", Replies.RetryAfter(429, 1));

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None));

        Assert.Equal(WriteOutcome.NotApplied, result.Outcome);
        Assert.Equal(HttpStatusCode.TooManyRequests, Assert.IsType<SchemaRegistryException>(result.Failure).Status);
        Assert.Single(harness.Handler.Requests);
    }
}
