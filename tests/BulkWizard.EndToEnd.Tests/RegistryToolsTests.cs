using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>The read-only registry tools, through the real server process, against a Sandbox in a known state.</summary>
public sealed class RegistryToolsTests : IAsyncLifetime
{
    private SandboxRegistry _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        using var seed = new RegistrySeeder(_sandbox.BaseAddress);
        await seed.RegisterAsync("orders-value", RegistrySeeder.AvroRecord("Order", "id"));
        await seed.RegisterAsync("orders-value", RegistrySeeder.AvroRecord("Order", "id", "total"));
        await seed.RegisterAsync("test-users", RegistrySeeder.AvroRecord("User", "id"));
        await seed.RegisterAsync("test-users", RegistrySeeder.AvroRecord("User", "id", "name"));
        await seed.DeleteVersionAsync("test-users", 1);
        await seed.RegisterAsync("test-gone", RegistrySeeder.AvroRecord("Gone", "id"));
        await seed.DeleteSubjectAsync("test-gone");
        await seed.RegisterAsync(":.staging:test-orders", RegistrySeeder.AvroRecord("Order", "id"));
        await seed.SetCompatibilityAsync("orders-value", "FULL");
        await seed.SetModeAsync("test-users", "READONLY");
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private Dictionary<string, string> Settings => new() { ["SCHEMA_REGISTRY_NAME"] = "lab", ["SCHEMA_REGISTRY_URL"] = _sandbox.BaseAddress.ToString() };

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task ToolsList_AnnotationsTellTheTruthAndEveryToolAndParameterIsDescribed(string? protocol)
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings, protocol);

        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name);

        string[] writing = ["start_bulk_wizard", "confirm_bulk_operation", "restore_backup", "cancel_task", "recover_operation", "undo_task"];
        string[] readOnly =
        [
            "list_registries", "get_registry_inventory", "bulk_wizard_answer", "bulk_schema_update", "bulk_schema_cleanup", "bulk_schema_migration", "bulk_configuration_update", "get_bulk_plan",
            "get_task_status", "list_tasks", "list_backups", "get_backup", "check_naming", "check_consumer_impact", "compare_registries",
            "list_interrupted_operations", "check_compliance", "check_retention", "get_audit_log", "list_templates", "export_plan", "get_task_report",
        ];
        string[] control = ["pause_task", "resume_task"];
        string[] local = ["save_template"];
        Assert.Equal(writing.Concat(readOnly).Concat(control).Concat(local).Order(StringComparer.Ordinal), tools.Keys.Order(StringComparer.Ordinal));
        foreach (var name in local)
        {
            // Writes to the data directory only, never to a registry; saving a name twice is refused, so not idempotent.
            var annotations = tools[name].ProtocolTool.Annotations!;
            Assert.Equal((false, false, false), (annotations.ReadOnlyHint, annotations.DestructiveHint, annotations.IdempotentHint));
        }

        foreach (var name in control)
        {
            var annotations = tools[name].ProtocolTool.Annotations!;
            Assert.Equal((false, false, true), (annotations.ReadOnlyHint, annotations.DestructiveHint, annotations.IdempotentHint));
        }

        foreach (var name in writing)
        {
            var annotations = tools[name].ProtocolTool.Annotations!;
            Assert.Equal((false, true), (annotations.ReadOnlyHint, annotations.DestructiveHint));
        }

        foreach (var name in readOnly)
        {
            var annotations = tools[name].ProtocolTool.Annotations!;
            Assert.Equal((true, false), (annotations.ReadOnlyHint, annotations.DestructiveHint));
        }

        foreach (var tool in tools.Values)
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            Assert.NotNull(tool.ProtocolTool.Annotations!.IdempotentHint);
            foreach (var parameter in tool.JsonSchema.GetProperty("properties").EnumerateObject())
            {
                Assert.True(parameter.Value.TryGetProperty("description", out _), $"{tool.Name}.{parameter.Name} has no description");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task ListRegistries_NamesUrlVersionAndCapabilities(string? protocol)
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings, protocol);

        var registry = (await client.CallAsync("list_registries"))["registries"]!.AsArray().Single()!;

        Assert.Equal(("lab", _sandbox.BaseAddress.ToString().TrimEnd('/'), true, true), (registry.Str("name"), registry.Str("url"), registry["reachable"]!.GetValue<bool>(), registry["default"]!.GetValue<bool>()));
        Assert.StartsWith("8.", registry.Str("version"), StringComparison.Ordinal);
        Assert.True(registry["capabilities"]!["aliases"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(ProtocolRevisions.Both), MemberType = typeof(ProtocolRevisions))]
    public async Task GetRegistryInventory_CountsMatchRegistryState(string? protocol)
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings, protocol);

        var inventory = await client.CallAsync("get_registry_inventory");

        Assert.Equal("lab", inventory.Str("registry"));
        Assert.Equal(
            (2, 3, 1, 6, 2, 1, 1),
            (inventory.Number("contexts"), inventory.Number("subjects"), inventory.Number("soft_deleted_subjects"), inventory.Number("versions"),
                inventory.Number("soft_deleted_versions"), inventory.Number("compatibility_overrides"), inventory.Number("mode_overrides")));
    }

    [Fact]
    public async Task GetRegistryInventory_Pattern_CountsOnlySelectedSubjects()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings);

        var inventory = await client.CallAsync("get_registry_inventory", new() { ["pattern"] = ":*:test-*" });

        Assert.Equal((2, 1, 4, 2), (inventory.Number("subjects"), inventory.Number("soft_deleted_subjects"), inventory.Number("versions"), inventory.Number("soft_deleted_versions")));
        Assert.Equal([".", ".staging"], inventory["per_context"]!.AsArray().Select(c => c!.Str("context")));
    }

    [Fact]
    public async Task GetRegistryInventory_UnknownRegistry_ErrorListsConfiguredNames()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings);

        var error = await client.CallExpectingErrorAsync("get_registry_inventory", new() { ["registry"] = "prod" });

        Assert.Contains("Registry 'prod' is not configured. Configured registries: lab.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRegistryInventory_MalformedPattern_ErrorSaysWhatIsAllowed()
    {
        await using var client = await ServerLauncher.ConnectAsync(Settings);

        var error = await client.CallExpectingErrorAsync("get_registry_inventory", new() { ["pattern"] = ":.staging" });

        Assert.Contains("pattern: ':.staging' opens a context with ':.' but does not close it with ':'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRegistryConfigured_EmbeddedSandboxWithDemoData()
    {
        await using var client = await ServerLauncher.ConnectAsync();

        var registry = (await client.CallAsync("list_registries"))["registries"]!.AsArray().Single()!;
        var inventory = await client.CallAsync("get_registry_inventory");

        Assert.Equal(("sandbox", true), (registry.Str("name"), registry["reachable"]!.GetValue<bool>()));
        Assert.Equal("sandbox", inventory.Str("registry"));
        Assert.InRange(inventory.Number("subjects"), 50, 80);
        Assert.Equal(3, inventory.Number("contexts"));
    }

    [Fact]
    public async Task UnreachableRegistry_ListedAsNotReachableWithReason()
    {
        await using var client = await ServerLauncher.ConnectAsync(new Dictionary<string, string> { ["SCHEMA_REGISTRY_URL"] = "http://127.0.0.1:9" });

        var registry = (await client.CallAsync("list_registries"))["registries"]!.AsArray().Single()!;

        Assert.False(registry["reachable"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(registry.Str("error")));
    }
}
