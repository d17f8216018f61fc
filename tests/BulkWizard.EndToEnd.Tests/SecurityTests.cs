using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Sandbox;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>
/// A view-only server writes nothing through any tool, counted by the registry itself; secrets given in configuration
/// appear in no result, log line or file of the data directory.
/// </summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private const string Password = "pw-Zq81xT";
    private const string UrlPassword = "url-secret-7Hk2";
    private const string Token = "token-Vb55rE";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private SandboxRegistry _sandbox = null!;
    private string _data = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxRegistry.StartAsync(new SandboxOptions());
        _data = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-" + Guid.NewGuid().ToString("N"));
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    [Fact]
    public async Task ViewOnlyServer_EveryWritePathRefuses_AndTheRegistryCountsNoWrite()
    {
        string backupId;
        await using (var writable = await ServerLauncher.ConnectAsync(Settings()))
        {
            var plan = (await writable.CallAsync("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "NONE" }))["plan"]!;
            var run = await writable.CallAsync("confirm_bulk_operation", Accept(plan));
            backupId = run["task"]!["result"]!.Str("backup_id");
        }

        _sandbox.Requests.Reset();
        await using var client = await ServerLauncher.ConnectAsync(new Dictionary<string, string>(Settings()) { ["VIEWONLY"] = "true" });
        var refusals = new List<string>();
        foreach (var (tool, arguments) in PlanningCalls().Append(("restore_backup", new() { ["backup_id"] = backupId })))
        {
            var result = await client.CallToolAsync(tool, arguments);
            var text = string.Concat(result.Content.OfType<ModelContextProtocol.Protocol.TextContentBlock>().Select(t => t.Text));
            if (result.IsError == true)
            {
                refusals.Add($"{tool}: {text}");
                continue;
            }

            var reply = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!;
            var plan = reply["plan"] ?? throw new Xunit.Sdk.XunitException($"{tool}: {reply.ToJsonString()}");
            refusals.Add($"{tool} run: " + await client.CallExpectingErrorAsync("confirm_bulk_operation", Accept(plan)));
        }

        Assert.Equal(8, refusals.Count);
        Assert.All(refusals, r => Assert.True(r.Contains("read-only", StringComparison.Ordinal), r));
        Assert.DoesNotContain(_sandbox.Requests.Snapshot().Keys, IsWrite);
    }

    [Fact]
    public async Task Secrets_AppearInNoResultLogOrFile()
    {
        var settings = new Dictionary<string, string>
        {
            ["BulkWizard__Registries__0__Name"] = "lab",
            ["BulkWizard__Registries__0__Url"] = new UriBuilder(_sandbox.BaseAddress) { UserName = "ops", Password = UrlPassword }.Uri.ToString(),
            ["BulkWizard__Registries__1__Name"] = "vault",
            ["BulkWizard__Registries__1__Url"] = "http://127.0.0.1:1/",
            ["BulkWizard__Registries__1__BearerToken"] = Token,
            ["BulkWizard__Registries__2__Name"] = "basic",
            ["BulkWizard__Registries__2__Url"] = "http://127.0.0.1:1/",
            ["BulkWizard__Registries__2__Username"] = "ops",
            ["BulkWizard__Registries__2__Password"] = Password,
            ["BulkWizard__DataDirectory"] = _data,
        };
        await using var server = RawServerProcess.Start(settings);
        await server.InitializeAsync("2025-11-25", Timeout);
        var answers = new List<string>
        {
            (await server.CallToolAsync(2, "list_registries", new JsonObject(), Timeout)).ToJsonString(),
        };
        var plan = (await server.CallToolAsync(3, "bulk_schema_update", new JsonObject { ["pattern"] = "test-*", ["compatibility"] = "FULL" }, Timeout))["plan"]!;
        var run = await server.CallToolAsync(4, "confirm_bulk_operation", new JsonObject
        {
            ["plan_id"] = plan["plan_id"]!.DeepClone(), ["plan_hash"] = plan["plan_hash"]!.DeepClone(), ["confirmation"] = "accept", ["dry_run"] = false, ["wait_seconds"] = 50,
        }, Timeout);
        answers.Add(run.ToJsonString());
        answers.Add((await server.CallToolAsync(5, "get_backup", new JsonObject { ["backup_id"] = run["task"]!["result"]!["backup_id"]!.DeepClone() }, Timeout)).ToJsonString());
        foreach (var (id, registry) in new[] { (6, "vault"), (7, "basic") })
        {
            await server.SendAsync(RawServerProcess.Request(id, "tools/call", new JsonObject
            {
                ["name"] = "get_registry_inventory", ["arguments"] = new JsonObject { ["registry"] = registry },
            }));
            answers.Add((await server.WaitForResponseAsync(id, Timeout)).ToJsonString());
        }

        await server.CloseAndWaitAsync(Timeout);

        Assert.Equal("completed", run["status"]!.GetValue<string>());
        Assert.Contains(answers, a => a.Contains("could not be reached", StringComparison.Ordinal));
        var files = Directory.EnumerateFiles(_data, "*", SearchOption.AllDirectories).Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
        Assert.NotEmpty(files);
        foreach (var secret in new[] { Password, UrlPassword, Token })
        {
            Assert.All(answers, a => Assert.DoesNotContain(secret, a, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, server.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, string.Concat(server.StdoutLines), StringComparison.Ordinal);
            Assert.All(files, f => Assert.False(f.Text.Contains(secret, StringComparison.Ordinal), f.Path));
        }
    }

    /// <summary>Each operation's planning tool, for a change it would write: planned (then refused to run) or refused at once; restore_backup is added with its backup.</summary>
    private static IEnumerable<(string Tool, Dictionary<string, object?> Arguments)> PlanningCalls() =>
    [
        ("bulk_schema_update", new() { ["pattern"] = "test-*", ["compatibility"] = "FULL" }),
        ("bulk_schema_cleanup", new() { ["cleanup_type"] = "test", ["unknown_impact"] = "proceed" }),
        ("bulk_schema_migration", new() { ["migration_type"] = "context", ["pattern"] = "test-*", ["target_context"] = ".copy" }),
        ("start_bulk_wizard", new() { ["operation_type"] = "schema_update", ["update_type"] = "compatibility", ["pattern"] = "test-*", ["compatibility"] = "FORWARD" }),
        ("bulk_configuration_update", new() { ["configuration_type"] = "mode", ["scope"] = "context", ["context"] = ".staging", ["mode"] = "READONLY", ["unknown_impact"] = "proceed" }),
        ("bulk_configuration_update", new() { ["configuration_type"] = "security", ["pattern"] = "test-*", ["tags"] = "$.id=PII" }),
        ("bulk_configuration_update", new() { ["configuration_type"] = "retention", ["scope"] = "all_contexts", ["keep_last"] = 3 }),
    ];

    private static bool IsWrite(string route) =>
        route.StartsWith("PUT ", StringComparison.Ordinal) || route.StartsWith("DELETE ", StringComparison.Ordinal) || route == "POST /subjects/{subject}/versions";

    private static Dictionary<string, object?> Accept(JsonNode plan) => new()
    {
        ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash"), ["confirmation"] = "accept", ["dry_run"] = false, ["wait_seconds"] = 50,
    };

    private Dictionary<string, string> Settings() => new()
    {
        ["SCHEMA_REGISTRY_NAME"] = "lab",
        ["SCHEMA_REGISTRY_URL"] = _sandbox.BaseAddress.ToString(),
        ["BulkWizard__DataDirectory"] = _data,
    };
}
