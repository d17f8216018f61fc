using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;

namespace BulkWizard.Registry.Tests;

public sealed class ConfigAndModeTests
{
    private static readonly RegistryScope Orders = RegistryScope.ForSubject(QualifiedSubject.Parse("orders"));

    [Fact]
    public async Task GetConfig_KeepsEveryFieldInTheWritableSpelling_AndAsksWithoutDefaultToGlobal()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/config/orders",
            Replies.Json("""{"compatibilityLevel":"FULL","normalize":true,"defaultMetadata":{"properties":{"owner":"x"}},"alias":"target"}"""));

        var config = await harness.RunAsync(g => g.GetConfigAsync(Orders, CancellationToken.None));

        Assert.Equal("FULL", config!.Compatibility);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"normalize":true,"defaultMetadata":{"properties":{"owner":"x"}},"alias":"target","compatibility":"FULL"}"""),
            config.Fields));
        Assert.Equal("", harness.Handler.Requests[0].Query);
    }

    [Fact]
    public async Task GetConfig_NoSubjectConfig_IsNull()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/config/orders", Replies.Error(404, 40408));

        Assert.Null(await harness.RunAsync(g => g.GetConfigAsync(Orders, CancellationToken.None)));
    }

    [Fact]
    public async Task GetConfig_UnknownRoute_IsAnError()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Get, "/config/orders", Replies.Error(404, 404));

        await Assert.ThrowsAsync<Confluent.SchemaRegistry.SchemaRegistryException>(() => harness.RunAsync(g => g.GetConfigAsync(Orders, CancellationToken.None)));
    }

    [Fact]
    public async Task PutConfig_AsReplacement_SendsNullForEveryMissingField()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Put, "/config", Replies.Json("""{"compatibility":"NONE"}"""));

        var stored = await harness.RunAsync(g => g.PutConfigAsync(RegistryScope.Global, RegistryConfig.WithCompatibility("NONE").AsReplacement(), CancellationToken.None));

        var body = JsonNode.Parse(harness.Handler.Requests[0].Body!)!.AsObject();
        Assert.Equal("NONE", body["compatibility"]!.GetValue<string>());
        Assert.All(RegistryConfig.KnownFields.Where(f => f != "compatibility"), field => Assert.True(body.ContainsKey(field) && body[field] is null, field));
        Assert.Equal(RegistryConfig.WithCompatibility("NONE"), stored);
    }

    [Fact]
    public async Task DeleteConfig_NothingSet_IsNull()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Delete, "/config/orders", Replies.Error(404, 40401));

        Assert.Null(await harness.RunAsync(g => g.DeleteConfigAsync(Orders, CancellationToken.None)));
    }

    [Fact]
    public async Task Mode_GetNullWhenUnset_SetWithForce_DeleteNullWhenUnset()
    {
        using var harness = new GatewayHarness();
        harness.Handler
            .On(HttpMethod.Get, "/mode/orders", Replies.Error(404, 40409))
            .On(HttpMethod.Put, "/mode/orders", Replies.Json("""{"mode":"IMPORT"}"""))
            .On(HttpMethod.Delete, "/mode/orders", Replies.Error(404, 40401))
            .On(HttpMethod.Get, "/mode", Replies.Json("""{"mode":"READWRITE"}"""));

        var before = await harness.RunAsync(g => g.GetModeAsync(Orders, CancellationToken.None));
        var set = await harness.RunAsync(g => g.SetModeAsync(Orders, new RegistryMode("import"), force: true, CancellationToken.None));
        var removed = await harness.RunAsync(g => g.DeleteModeAsync(Orders, CancellationToken.None));
        var global = await harness.RunAsync(g => g.GetModeAsync(RegistryScope.Global, CancellationToken.None));

        Assert.Null(before);
        Assert.Equal(RegistryMode.Import, set);
        Assert.Null(removed);
        Assert.Equal(RegistryMode.ReadWrite, global);
        var put = harness.Handler.To(HttpMethod.Put, "/mode/orders").Single();
        Assert.Equal("force=true", put.Query);
        Assert.Equal("""{"mode":"IMPORT"}""", put.Body);
    }

    [Fact]
    public void RegistryConfig_EqualityIsByContent()
    {
        var a = new RegistryConfig(JsonNode.Parse("""{"compatibility":"FULL","normalize":true}""")!.AsObject());
        var b = new RegistryConfig(JsonNode.Parse("""{"normalize":true,"compatibility":"FULL"}""")!.AsObject());

        Assert.Equal(a, b);
        Assert.NotEqual(a, RegistryConfig.WithCompatibility("FULL"));
    }
}
