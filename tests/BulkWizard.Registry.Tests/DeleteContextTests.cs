using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using SchemaRegistryException = Confluent.SchemaRegistry.SchemaRegistryException;

namespace BulkWizard.Registry.Tests;

/// <summary>DELETE /contexts/{ctx}: releases without the route refuse clearly; the registry's own refusals pass through.</summary>
public sealed class DeleteContextTests
{
    [Theory]
    [InlineData(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}")]
    [InlineData(404, "<html>not found</html>")]
    [InlineData(405, "{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}")]
    public async Task DeleteContext_RouteMissing_IsNotSupported_NotAlreadyDeleted(int status, string body)
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Delete, "/contexts/.staging", Replies.Json(body, (System.Net.HttpStatusCode)status));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => harness.RunAsync(g => g.DeleteContextAsync(".staging", CancellationToken.None)));

        Assert.Contains("8.0.1", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Handler.Requests);
    }

    [Fact]
    public async Task DeleteContext_NotEmpty_Is42211()
    {
        using var harness = new GatewayHarness();
        harness.Handler.On(HttpMethod.Delete, "/contexts/.staging", Replies.Error(422, RegistryErrorCodes.ContextNotEmpty));

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => harness.RunAsync(g => g.DeleteContextAsync(".staging", CancellationToken.None)));

        Assert.Equal(RegistryErrorCodes.ContextNotEmpty, error.ErrorCode);
    }
}
