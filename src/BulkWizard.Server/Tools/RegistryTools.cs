using System.ComponentModel;
using BulkWizard.Core.Inventory;
using BulkWizard.Core.Recovery;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>Read-only tools that describe the configured registries.</summary>
[McpServerToolType]
public sealed class RegistryTools(IRegistryGatewayProvider registries, InterruptedRuns interrupted)
{
    private static readonly TimeSpan ReachabilityTimeout = TimeSpan.FromSeconds(5);

    [McpServerTool(Name = "list_registries", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Lists the configured Schema Registries: name, URL (without credentials), whether it is read-only or the default, whether it answers now, its version and the capabilities that version implies; and how many operations a server process left unfinished (list_interrupted_operations).")]
    public async Task<RegistryList> ListRegistries(CancellationToken cancellationToken)
    {
        var entries = Task.WhenAll(registries.Registries.Select(r => DescribeAsync(r.Name, cancellationToken)));
        var unfinished = interrupted.FindAsync(cancellationToken);
        return new RegistryList(await entries, (await unfinished).Count);
    }

    [McpServerTool(Name = "get_registry_inventory", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Counts what a registry holds: contexts, subjects (live and soft-deleted), versions (live and soft-deleted), and subjects with their own compatibility or mode. Per context too. Optionally only the subjects a pattern selects.")]
    public async Task<RegistryInventory> GetRegistryInventory(
        [Description(ToolText.Registry)] string? registry = null,
        [Description("Subjects to count: a glob such as test-* (default context), :.staging:orders-* (one context), :*:test-* (every context); comma-separated terms, !term excludes. All subjects when omitted.")] string? pattern = null,
        CancellationToken cancellationToken = default)
    {
        var name = registry ?? registries.Default.Name;
        return await ToolErrors.GuardAsync(name, async () =>
        {
            var selection = pattern is null ? null : SubjectPattern.Parse(pattern);
            return await new InventoryReader(registries.Get(registry)).ReadAsync(selection, cancellationToken);
        });
    }

    private async Task<RegistryEntry> DescribeAsync(string name, CancellationToken cancellationToken)
    {
        var gateway = registries.Get(name);
        var options = gateway.Registry;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReachabilityTimeout);
        try
        {
            var version = await gateway.GetServerVersionAsync(timeout.Token);
            var capabilities = await gateway.GetCapabilitiesAsync(timeout.Token);
            return new RegistryEntry(options.Name, options.DisplayUrl, options.ReadOnly, IsDefault(name), Reachable: true,
                version.Version, RegistryCapabilities.From(capabilities), Error: null);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or Confluent.SchemaRegistry.SchemaRegistryException)
        {
            var reason = e is OperationCanceledException ? $"no answer within {ReachabilityTimeout.TotalSeconds:0} s" : e.Message;
            return new RegistryEntry(options.Name, options.DisplayUrl, options.ReadOnly, IsDefault(name), Reachable: false, null, null, reason);
        }
    }

    private bool IsDefault(string name) => string.Equals(registries.Default.Name, name, StringComparison.OrdinalIgnoreCase);
}
