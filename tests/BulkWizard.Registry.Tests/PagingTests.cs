using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;

namespace BulkWizard.Registry.Tests;

public sealed class PagingTests
{
    [Fact]
    public async Task Schemas_PagesUntilAnEmptyPage_EvenWhenPagesAreShorterThanAsked()
    {
        using var harness = new GatewayHarness();

        // Like a registry that replaces an out-of-range limit with a smaller default: three per page, whatever we ask.
        var all = Enumerable.Range(1, 8).Select(i => Schemas.Version($"s{i:D2}", 1, i)).ToArray();
        harness.Handler.On(HttpMethod.Get, "/schemas", (request, ct) =>
        {
            var offset = int.Parse(request.Query.Split('&').Single(p => p.StartsWith("offset=", StringComparison.Ordinal))[7..], System.Globalization.CultureInfo.InvariantCulture);
            return Replies.Json("[" + string.Join(",", all.Skip(offset).Take(3)) + "]")(request, ct);
        });

        var read = await harness.RunAsync(async g =>
        {
            var items = new List<SchemaVersion>();
            await foreach (var item in g.ListSchemasAsync(new SchemaQuery(SubjectPrefix: ":*:", IncludeDeleted: true), CancellationToken.None))
            {
                items.Add(item);
            }

            return items;
        });

        Assert.Equal(Enumerable.Range(1, 8), read.Select(s => s.Id));
        var queries = harness.Handler.Requests.Select(r => r.Query).ToArray();
        Assert.Equal(4, queries.Length);
        Assert.Equal("subjectPrefix=%3A%2A%3A&deleted=true&offset=0&limit=1000", queries[0]);
        Assert.EndsWith("offset=3&limit=1000", queries[1], StringComparison.Ordinal);
        Assert.EndsWith("offset=6&limit=1000", queries[2], StringComparison.Ordinal);
        Assert.EndsWith("offset=8&limit=1000", queries[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schemas_MapsEachVersion_WithAvroWhenTheTypeIsOmitted()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/schemas",
            Replies.Json("""[{"subject":":.prod:orders","version":2,"id":9,"schema":"\"string\"","references":[{"name":"r","subject":"s","version":1}],"metadata":{"properties":{"owner":"team"}},"guid":"abc","ts":12,"deleted":true}]"""),
            Replies.Json("[]"));

        var read = await harness.RunAsync(async g =>
        {
            var items = new List<SchemaVersion>();
            await foreach (var item in g.ListSchemasAsync(new SchemaQuery(IncludeDeleted: true), CancellationToken.None))
            {
                items.Add(item);
            }

            return items;
        });

        var version = Assert.Single(read);
        Assert.Equal(new QualifiedSubject(".prod", "orders"), version.Subject);
        Assert.Equal(SchemaTypes.Avro, version.SchemaType);
        Assert.Equal([new SchemaReference("r", "s", 1)], version.References);
        Assert.Equal("team", version.Metadata!["properties"]!["owner"]!.GetValue<string>());
        Assert.Equal(("abc", 12L, true), (version.SchemaGuid, version.Timestamp!.Value, version.Deleted!.Value));
    }

    [Fact]
    public async Task Schemas_RegistryIgnoringOffsetWithAShortPage_StopsAfterTheRepeat()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/schemas", Replies.Json($"[{Schemas.Version("a", 1, 1)},{Schemas.Version("b", 1, 2)}]"));

        var count = await harness.RunAsync(async g =>
        {
            var n = 0;
            await foreach (var unused in g.ListSchemasAsync(new SchemaQuery(), CancellationToken.None))
            {
                n++;
            }

            return n;
        });

        Assert.Equal(2, count);
        Assert.Equal(2, harness.Handler.Requests.Count);
    }

    [Fact]
    public async Task Schemas_RegistryIgnoringOffsetWithAFullPage_Fails()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/schemas", Replies.Json($"[{Schemas.Version("a", 1, 1)},{Schemas.Version("b", 1, 2)}]"));

        await Assert.ThrowsAsync<InvalidDataException>(() => harness.RunAsync(async g =>
        {
            await foreach (var unused in g.ListSchemasAsync(new SchemaQuery(PageSize: 2), CancellationToken.None))
            {
            }

            return 0;
        }));
    }

    [Fact]
    public async Task ReferencedBy_PagesUntilEmpty()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/subjects/orders/versions/1/referencedby", Replies.Json("[3,4]"), Replies.Json("[9]"), Replies.Json("[]"));

        var ids = await harness.RunAsync(g => g.GetReferencedByAsync(QualifiedSubject.Parse("orders"), 1, includeDeleted: true, CancellationToken.None));

        Assert.Equal([3, 4, 9], ids);
        Assert.Equal("deleted=true&offset=2&limit=1000", harness.Handler.Requests[1].Query);
    }
}
