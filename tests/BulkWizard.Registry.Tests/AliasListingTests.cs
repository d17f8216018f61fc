using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;

namespace BulkWizard.Registry.Tests;

/// <summary><see cref="SchemaQuery.IncludeAliases"/> on the wire: asked only of releases that answer it, and read back.</summary>
public sealed class AliasListingTests
{
    [Fact]
    public async Task IncludeAliases_SendsAliasesTrue_AndReadsEachTargetsAliases()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Get, "/v1/metadata/version", Replies.Json("""{"version":"7.7.0"}"""))
            .On(HttpMethod.Get, "/schemas", Replies.Json(
                $"[{Schemas.Version("orders", 1, 1)[..^1]},\"aliases\":[\"orders-alias\",\":.eu:orders\"]}},{Schemas.Version("payments", 1, 2)}]"),
                Replies.Json("[]"));

        var read = await harness.RunAsync(g => ReadAsync(g, new SchemaQuery(":*:") { IncludeAliases = true }));

        Assert.Equal([QualifiedSubject.Parse("orders-alias"), new QualifiedSubject(".eu", "orders")], read[0].Aliases!);
        Assert.Null(read[1].Aliases);
        Assert.Contains("aliases=true", harness.Handler.To(HttpMethod.Get, "/schemas")[0].Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"version":"7.6.1"}""")]
    [InlineData("""{"version":"garbage"}""")]
    public async Task IncludeAliases_OnAReleaseThatWouldIgnoreIt_IsRefusedWithoutListing(string version)
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/v1/metadata/version", Replies.Json(version));

        await Assert.ThrowsAsync<NotSupportedException>(() => harness.RunAsync(g => ReadAsync(g, new SchemaQuery(":*:") { IncludeAliases = true })));

        Assert.Empty(harness.Handler.To(HttpMethod.Get, "/schemas"));
    }

    private static async Task<List<SchemaVersion>> ReadAsync(IRegistryGateway gateway, SchemaQuery query)
    {
        var items = new List<SchemaVersion>();
        await foreach (var item in gateway.ListSchemasAsync(query, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }
}
