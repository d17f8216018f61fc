using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;

namespace BulkWizard.Registry.Tests;

public sealed class ReadTests
{
    private static readonly QualifiedSubject Orders = QualifiedSubject.Parse("orders");

    [Fact]
    public async Task GetVersion_Absent_IsNull()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Get, "/subjects/orders/versions/1", Replies.Error(404, 40402))
            .On(HttpMethod.Get, "/subjects/orders/versions/latest", Replies.Error(404, 40401));

        Assert.Null(await harness.RunAsync(g => g.GetVersionAsync(Orders, 1, includeDeleted: false, CancellationToken.None)));
        Assert.Null(await harness.RunAsync(g => g.GetVersionAsync(Orders, VersionSelector.Latest, includeDeleted: false, CancellationToken.None)));
    }

    [Fact]
    public async Task GetVersion_FoundOnlyInAnotherContext_IsNull()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/subjects/orders/versions/1", Replies.Json(Schemas.Version(":.other:orders", 1, 3)));

        Assert.Null(await harness.RunAsync(g => g.GetVersionAsync(Orders, 1, includeDeleted: false, CancellationToken.None)));
    }

    [Fact]
    public async Task GetVersion_From7x_FillsAvroAndLeavesUnknownFieldsEmpty()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/subjects/orders/versions/2", Replies.Json(Schemas.Version("orders", 2, 5)));

        var live = await harness.RunAsync(g => g.GetVersionAsync(Orders, 2, includeDeleted: false, CancellationToken.None));
        var maybeDeleted = await harness.RunAsync(g => g.GetVersionAsync(Orders, 2, includeDeleted: true, CancellationToken.None));

        Assert.Equal(SchemaTypes.Avro, live!.SchemaType);
        Assert.Empty(live.References);
        Assert.Null(live.SchemaGuid);
        Assert.False(live.Deleted);
        Assert.Null(maybeDeleted!.Deleted);
        Assert.Equal("deleted=true", harness.Handler.Requests[1].Query);
    }

    [Fact]
    public async Task ListVersions_UnknownSubject_IsEmpty()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/subjects/orders/versions", Replies.Error(404, 40401));

        Assert.Empty(await harness.RunAsync(g => g.ListVersionsAsync(Orders, DeletedFilter.IncludeDeleted, CancellationToken.None)));
    }

    [Fact]
    public async Task SchemaById_AsksInTheGivenContext_AndIsNullWhenUnknown()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Get, "/schemas/ids/7", Replies.Json("""{"schemaType":"JSON","schema":"{}","subject":":.prod:orders","version":3}"""))
            .On(HttpMethod.Get, "/schemas/ids/8", Replies.Error(404, 40403));

        var found = await harness.RunAsync(g => g.GetSchemaByIdAsync(7, QualifiedSubject.ContextOnly(".prod"), CancellationToken.None));
        var missing = await harness.RunAsync(g => g.GetSchemaByIdAsync(8, null, CancellationToken.None));

        Assert.Equal((7, SchemaTypes.Json, 3), (found!.Id, found.SchemaType, found.Version!.Value));
        Assert.Equal(new QualifiedSubject(".prod", "orders"), found.Subject);
        Assert.Equal("subject=%3A.prod%3A", harness.Handler.Requests[0].Query);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Lookup_NotUnderThisSubject_IsNull_AndSendsNoIdOrVersion()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Post, "/subjects/orders", Replies.Error(404, 40403));

        var found = await harness.RunAsync(g => g.LookupAsync(Orders, new RegisterSchemaRequest(Schemas.Avro, Id: 4, Version: 2), includeDeleted: true, CancellationToken.None));

        Assert.Null(found);
        var sent = harness.Handler.Requests[0];
        Assert.Equal("deleted=true", sent.Query);
        Assert.DoesNotContain("\"id\"", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_AskForTheRegistryMediaType()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Post, "/subjects/orders/versions", Replies.Json("""{"id":1}"""));

        await harness.RunAsync(g => g.RegisterAsync(Orders, new RegisterSchemaRequest(Schemas.Avro), CancellationToken.None));

        var sent = Assert.Single(harness.Handler.Requests);
        Assert.StartsWith("application/vnd.schemaregistry.v1+json", sent.Accept, StringComparison.Ordinal);
        Assert.Equal("application/vnd.schemaregistry.v1+json", sent.ContentType);
    }
}
