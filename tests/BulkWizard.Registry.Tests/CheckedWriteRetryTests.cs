using System.Net;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using SchemaRegistryException = Confluent.SchemaRegistry.SchemaRegistryException;

namespace BulkWizard.Registry.Tests;

/// <summary>Registrations and deletes are sent again only after a re-read proved the lost attempt was not applied.</summary>
public sealed class CheckedWriteRetryTests
{
    private static readonly QualifiedSubject Orders = QualifiedSubject.Parse("orders");
    private static readonly RegisterSchemaRequest Schema = new(Schemas.Avro);

    [Fact]
    public async Task Register_LostAnswerAndSchemaAbsent_ReReadThenSentAgain()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Post, "/subjects/orders/versions", Replies.Status(503), Replies.Json("""{"id":41,"version":1}"""))
            .On(HttpMethod.Post, "/subjects/orders", Replies.Error(404, 40403));

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None));

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        Assert.Equal(new RegisteredSchema(41, 1, null), result.Value);
        Assert.Equal(
            ["POST /subjects/orders/versions", "POST /subjects/orders", "POST /subjects/orders/versions"],
            harness.Handler.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Register_ReReadFindsItEveryTime_NeverSentAgain()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Post, "/subjects/orders/versions", Replies.Reset)
            .On(HttpMethod.Post, "/subjects/orders", Replies.Json(Schemas.Version("orders", 1, 41)));

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None));

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        Assert.Single(harness.Handler.To(HttpMethod.Post, "/subjects/orders/versions"));
    }

    [Fact]
    public async Task Register_NotAppliedEveryTime_SentOncePlusMaxRetryAttempts_ThenNotApplied()
    {
        using var harness = new GatewayHarness(resilience: r => r.MaxRetryAttempts = 2);
        harness.Handler
            .On(HttpMethod.Post, "/subjects/orders/versions", Replies.Status(500))
            .On(HttpMethod.Post, "/subjects/orders", Replies.Error(404, 40403));

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None));

        Assert.Equal(WriteOutcome.NotApplied, result.Outcome);
        Assert.Equal(3, harness.Handler.To(HttpMethod.Post, "/subjects/orders/versions").Count);
        Assert.Equal(3, harness.Handler.To(HttpMethod.Post, "/subjects/orders").Count);
    }

    [Fact]
    public async Task Register_OutcomeUnknown_NotSentAgain()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Post, "/subjects/orders/versions", Replies.Status(500))
            .On(HttpMethod.Post, "/subjects/orders", Replies.Json(Schemas.Version("orders", 3, 41)));

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema with { Id = 99, Version = 3 }, CancellationToken.None));

        Assert.Equal(WriteOutcome.Unknown, result.Outcome);
        Assert.Single(harness.Handler.To(HttpMethod.Post, "/subjects/orders/versions"));
    }

    [Fact]
    public async Task Register_ConnectionRefused_SentAgainWithoutReRead()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Post, "/subjects/orders/versions", Replies.Refuse, Replies.Json("""{"id":7}"""));

        var result = await harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None));

        Assert.Equal(new RegisteredSchema(7, null, null), result.Value);
        Assert.Equal(["POST /subjects/orders/versions", "POST /subjects/orders/versions"], harness.Handler.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Register_DefiniteRefusalAfterARepeat_IsThrown()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Post, "/subjects/orders/versions", Replies.Status(503), Replies.Error(409, 40901))
            .On(HttpMethod.Post, "/subjects/orders", Replies.Error(404, 40403));

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => harness.RunAsync(g => g.RegisterAsync(Orders, Schema, CancellationToken.None)));

        Assert.Equal(40901, error.ErrorCode);
        Assert.Equal(2, harness.Handler.To(HttpMethod.Post, "/subjects/orders/versions").Count);
    }

    [Fact]
    public async Task SoftDeleteVersion_LostAnswerAndVersionStillLive_SentAgain()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Delete, "/subjects/orders/versions/2", Replies.Status(503), Replies.Json("2"))
            .On(HttpMethod.Get, "/subjects/orders/versions/2", Replies.Json(Schemas.Version("orders", 2, 8)));

        var result = await harness.RunAsync(g => g.DeleteVersionAsync(Orders, 2, DeleteKind.Soft, CancellationToken.None));

        Assert.Equal((WriteOutcome.Applied, 2), (result.Outcome, result.Value));
        Assert.Equal(2, harness.Handler.To(HttpMethod.Delete, "/subjects/orders/versions/2").Count);
    }

    [Fact]
    public async Task PermanentDeleteSubject_LostAnswerTwice_ThirdAttemptAnswersAlreadyGone_IsApplied()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Delete, "/subjects/orders", Replies.Status(502), Replies.Status(502), Replies.Error(404, 40401))
            .On(HttpMethod.Get, "/subjects/orders/versions", Replies.Json("[1]"), Replies.Json("[1]"), Replies.Error(404, 40401));

        var result = await harness.RunAsync(g => g.DeleteSubjectAsync(Orders, DeleteKind.Permanent, CancellationToken.None));

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        Assert.Equal(HttpStatusCode.NotFound, Assert.IsType<SchemaRegistryException>(result.Failure).Status);
        Assert.Equal(3, harness.Handler.To(HttpMethod.Delete, "/subjects/orders").Count);
    }
}
