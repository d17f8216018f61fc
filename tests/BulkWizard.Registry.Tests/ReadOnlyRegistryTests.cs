using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;

namespace BulkWizard.Registry.Tests;

public sealed class ReadOnlyRegistryTests
{
    private static readonly QualifiedSubject Orders = QualifiedSubject.Parse("orders");
    private static readonly RegistryScope Scope = RegistryScope.ForSubject(Orders);

    public static TheoryData<string> Writes => ["register", "delete version", "delete subject", "put config", "delete config", "set mode", "delete mode", "delete context"];

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_ToAReadOnlyRegistry_IsRefusedBeforeAnyRequest(string write)
    {
        using var harness = new GatewayHarness(o => o.ReadOnly = true);
        var gateway = harness.Gateway;

        Task call = write switch
        {
            "register" => gateway.RegisterAsync(Orders, new RegisterSchemaRequest(Schemas.Avro), CancellationToken.None),
            "delete version" => gateway.DeleteVersionAsync(Orders, 1, DeleteKind.Soft, CancellationToken.None),
            "delete subject" => gateway.DeleteSubjectAsync(Orders, DeleteKind.Permanent, CancellationToken.None),
            "put config" => gateway.PutConfigAsync(Scope, RegistryConfig.WithCompatibility("NONE"), CancellationToken.None),
            "delete config" => gateway.DeleteConfigAsync(Scope, CancellationToken.None),
            "set mode" => gateway.SetModeAsync(Scope, RegistryMode.ReadOnly, false, CancellationToken.None),
            "delete mode" => gateway.DeleteModeAsync(Scope, CancellationToken.None),
            _ => gateway.DeleteContextAsync(".staging", CancellationToken.None),
        };

        var error = await Assert.ThrowsAsync<RegistryReadOnlyException>(() => call);

        Assert.Equal("prod", error.RegistryName);
        Assert.Contains("'prod'", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Handler.Requests);
    }

    [Fact]
    public async Task ReadsAndLookups_OnAReadOnlyRegistry_Work()
    {
        using var harness = new GatewayHarness(o => o.ReadOnly = true);
        harness.Handler
            .On(HttpMethod.Get, "/subjects", Replies.Json("""["orders"]"""))
            .On(HttpMethod.Post, "/subjects/orders", Replies.Json(Schemas.Version("orders", 1, 1)));

        var subjects = await harness.RunAsync(g => g.ListSubjectsAsync(SubjectQuery.All, CancellationToken.None));
        var found = await harness.RunAsync(g => g.LookupAsync(Orders, new RegisterSchemaRequest(Schemas.Avro), false, CancellationToken.None));

        Assert.Equal([Orders], subjects);
        Assert.NotNull(found);
    }
}
