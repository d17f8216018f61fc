using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>compare_registries through the real server process, configured with two Sandboxes seeded with chosen ids (IMPORT).</summary>
public sealed class CompareRegistriesTests : IAsyncLifetime
{
    private SandboxRegistry _prod = null!;
    private SandboxRegistry _dr = null!;

    public async Task InitializeAsync()
    {
        _prod = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        _dr = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        var common = RegistrySeeder.AvroRecord("Common", "id");
        var order = RegistrySeeder.AvroRecord("Order", "id");
        var payment = RegistrySeeder.AvroRecord("Payment", "id");
        var user = RegistrySeeder.AvroRecord("User", "id");
        using (var prod = new RegistrySeeder(_prod.BaseAddress))
        {
            await prod.ImportAsync("common", common, id: 1, version: 1);
            await prod.ImportAsync("orders-value", order, id: 2, version: 1, "Common", "common");
            await prod.ImportAsync("orders-value", RegistrySeeder.AvroRecord("Order", "id", "total"), id: 3, version: 2);
            await prod.ImportAsync("payments-value", payment, id: 4, version: 1);
            await prod.ImportAsync("users-value", user, id: 5, version: 1);
        }

        using var dr = new RegistrySeeder(_dr.BaseAddress);
        await dr.ImportAsync("common", common, id: 1, version: 1);
        await dr.ImportAsync("orders-value", order, id: 2, version: 1, "Common", "common");
        await dr.ImportAsync("payments-value", payment, id: 9, version: 1);
        await dr.ImportAsync("users-value", user, id: 5, version: 2);
        await dr.ImportAsync("refunds-value", RegistrySeeder.AvroRecord("Refund", "id"), id: 6, version: 1);
        await dr.ImportAsync("test-scratch", RegistrySeeder.AvroRecord("Scratch", "id"), id: 7, version: 1);
    }

    public async Task DisposeAsync()
    {
        await _prod.DisposeAsync();
        await _dr.DisposeAsync();
    }

    [Fact]
    public async Task CompareRegistries_TwoRegistries_ExactListsSortedBySubjectThenVersion()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var report = await client.CallAsync("compare_registries", new()
        {
            ["source_registry"] = "prod", ["target_registry"] = "dr", ["pattern"] = "*-value, common",
        });

        Assert.Equal(("prod", ".", "dr", "."), (report["source"]!.Str("registry"), report["source"]!.Str("context"), report["target"]!.Str("registry"), report["target"]!.Str("context")));
        Assert.Equal((5, 7, false), (report.Number("subjects_compared"), report.Number("versions_compared"), report["identical"]!.GetValue<bool>()));
        Assert.Equal((1, 1, 2), (report["missing"]!.Number("total"), report["extra"]!.Number("total"), report["differing"]!.Number("total")));
        Assert.Equal(["orders-value v2 id 3"], Versions(report["missing"]!));
        Assert.Equal(["refunds-value v1 id 6"], Versions(report["extra"]!));
        Assert.Equal(
            ["payments-value v1 [id] source 4 v1 target 9 v1", "users-value v1 [version] source 5 v1 target 5 v2"],
            report["differing"]!["items"]!.AsArray().Select(d => d!).Select(d =>
                $"{d.Str("subject")} v{d.Number("version")} [{string.Join(", ", d["differences"]!.AsArray().Select(x => x!.GetValue<string>()))}] "
                + $"source {d["source"]!.Number("id")} v{d["source"]!.Number("version")} target {d["target"]!.Number("id")} v{d["target"]!.Number("version")}"));
    }

    [Fact]
    public async Task CompareRegistries_UnknownTargetOrSameScopeTwice_ErrorsNameTheFields()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings());

        var unknown = await client.CallExpectingErrorAsync("compare_registries", new()
        {
            ["source_registry"] = "prod", ["target_registry"] = "staging", ["pattern"] = "*",
        });
        var same = await client.CallExpectingErrorAsync("compare_registries", new()
        {
            ["source_registry"] = "prod", ["target_registry"] = "PROD", ["pattern"] = "*", ["target_context"] = ":.:",
        });

        Assert.Contains("target_registry: Registry 'staging' is not configured. Configured registries: prod, dr.", unknown, StringComparison.Ordinal);
        Assert.Contains("source_registry, target_registry: both are 'prod' and source_context, target_context are both .;", same, StringComparison.Ordinal);
    }

    private static string[] Versions(JsonNode list) =>
        [.. list["items"]!.AsArray().Select(v => v!).Select(v => $"{v.Str("subject")} v{v.Number("version")} id {v.Number("id")}")];

    private Dictionary<string, string> Settings() => new()
    {
        ["BulkWizard__Registries__0__Name"] = "prod",
        ["BulkWizard__Registries__0__Url"] = _prod.BaseAddress.ToString(),
        ["BulkWizard__Registries__1__Name"] = "dr",
        ["BulkWizard__Registries__1__Url"] = _dr.BaseAddress.ToString(),
    };
}
