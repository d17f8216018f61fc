using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using BulkWizard.Sandbox;

namespace BulkWizard.Registry.Tests.Sandbox;

/// <summary><see cref="SchemaQuery.IncludeAliases"/> against the Sandbox: the aliases of each target, or a refusal on 7.6.1.</summary>
public sealed class SandboxAliasListingTests(SandboxGateways sandboxes) : IClassFixture<SandboxGateways>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task ListSchemas_IncludeAliases_GivesEachVersionOfATargetItsAliases(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var context = Some.Context("alias");
        var target = QualifiedSubject.Parse(Some.Subject("target"));
        var alias = QualifiedSubject.Parse(Some.Subject("alias"));
        var contextTarget = new QualifiedSubject(context, "orders");
        var contextAlias = new QualifiedSubject(context, "pointer");
        await gateway.PutConfigAsync(RegistryScope.ForSubject(target), RegistryConfig.WithCompatibility("NONE"), None);
        await gateway.RegisterAsync(target, new RegisterSchemaRequest(Some.AvroRecord("Target", "a")), None);
        await gateway.RegisterAsync(target, new RegisterSchemaRequest(Some.AvroRecord("Target", "b")), None);
        await gateway.DeleteVersionAsync(target, 2, DeleteKind.Soft, None);
        await gateway.RegisterAsync(contextTarget, new RegisterSchemaRequest(Some.AvroRecord("InContext", "a")), None);
        await gateway.PutConfigAsync(RegistryScope.ForSubject(alias), new RegistryConfig(new JsonObject { ["alias"] = target.ToString() }), None);
        await gateway.PutConfigAsync(RegistryScope.ForSubject(contextAlias), new RegistryConfig(new JsonObject { ["alias"] = "orders" }), None);
        var query = new SchemaQuery(":*:", IncludeDeleted: true) { IncludeAliases = true };

        if (profile == SandboxProfile.Platform76)
        {
            await Assert.ThrowsAsync<NotSupportedException>(() => ReadAsync(gateway, query));
            return;
        }

        var listed = await ReadAsync(gateway, query);
        var plain = await ReadAsync(gateway, query with { IncludeAliases = false });

        var ofTarget = listed.Where(v => v.Subject == target).ToList();
        Assert.Equal([1, 2], ofTarget.Select(v => v.Version));
        Assert.All(ofTarget, v => Assert.Equal([alias], v.Aliases!));
        Assert.Equal([contextAlias], Assert.Single(listed, v => v.Subject == contextTarget).Aliases!);
        Assert.All(listed.Where(v => v.Subject != target), v => Assert.True(v.Aliases is null || !v.Aliases.Contains(alias)));
        Assert.All(plain, v => Assert.Null(v.Aliases));
    }

    [Fact]
    public void SchemaVersion_KeepsAliasesOutOfItsJson_UnlessThereAreSome()
    {
        var version = new SchemaVersion(QualifiedSubject.Parse("orders"), 1, 7, "AVRO", "\"string\"", [], null, null, null, null, false);

        var without = JsonSerializer.Serialize(version);
        var with = JsonSerializer.Serialize(version with { Aliases = [QualifiedSubject.Parse("orders-alias")] });

        Assert.DoesNotContain("Aliases", without, StringComparison.Ordinal);
        Assert.Contains("\"Aliases\"", with, StringComparison.Ordinal);
    }

    private static async Task<List<SchemaVersion>> ReadAsync(IRegistryGateway gateway, SchemaQuery query)
    {
        var items = new List<SchemaVersion>();
        await foreach (var item in gateway.ListSchemasAsync(query, None))
        {
            items.Add(item);
        }

        return items;
    }
}
