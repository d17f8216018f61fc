using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>
/// The <c>outputSchema</c> each tool declares in <c>tools/list</c> for one protocol revision (revisions before
/// 2026-07-28 see it rewritten for their wire), and the check of a result against it. Read once per test run
/// from a server of its own: the schemas come from the tools' return types, not from settings, which
/// <see cref="ValidatingTransport"/> confirms on every <c>tools/list</c> a test receives.
/// </summary>
public sealed class OutputSchemas
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<OutputSchemas>>> ByRevision = new(StringComparer.Ordinal);

    // Like the TypeScript SDK's Ajv set-up, which validates formats (date-time) too.
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly Dictionary<string, JsonSchema> _schemas;

    public OutputSchemas(IReadOnlyDictionary<string, JsonElement> declared)
    {
        Declared = declared;
        var build = new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() };
        _schemas = declared.ToDictionary(
            d => d.Key,
            d => JsonSchema.Build(d.Value, build, new Uri($"https://bulkwizard.test/output/{d.Key}")),
            StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, JsonElement> Declared { get; }

    /// <summary>The schemas a client of <paramref name="protocolVersion"/> (null: the SDK client's default) is given.</summary>
    public static Task<OutputSchemas> ForAsync(string? protocolVersion) =>
        ByRevision.GetOrAdd(protocolVersion ?? "", _ => new Lazy<Task<OutputSchemas>>(() => ReadAsync(protocolVersion))).Value;

    public bool Declares(string tool) => _schemas.ContainsKey(tool);

    /// <summary>What is wrong with <paramref name="structuredContent"/>, in the "data/path message" form of Ajv; empty when it matches.</summary>
    public IReadOnlyList<string> ProblemsOf(string tool, JsonNode structuredContent)
    {
        var results = _schemas[tool].Evaluate(JsonSerializer.SerializeToElement(structuredContent), Evaluation);
        if (results.IsValid)
        {
            return [];
        }

        return [.. new[] { results }.Concat(results.Details ?? [])
            .SelectMany(r => (r.Errors ?? new Dictionary<string, string>()).Select(e => $"data{r.InstanceLocation} {e.Key}: {e.Value}"))
            .Distinct(StringComparer.Ordinal)];
    }

    private static async Task<OutputSchemas> ReadAsync(string? protocolVersion)
    {
        var data = Path.Combine(Path.GetTempPath(), "bulkwizard-e2e-schemas-" + Guid.NewGuid().ToString("N"));
        try
        {
            // No registry is contacted to list tools; an unreachable one spares starting the embedded Sandbox.
            var transport = new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = "bulkwizard",
                Command = "dotnet",
                Arguments = [ServerLauncher.ServerDll],
                EnvironmentVariables = ServerLauncher.IsolatedEnvironment(new Dictionary<string, string>
                {
                    ["SCHEMA_REGISTRY_URL"] = "http://127.0.0.1:9",
                    ["BulkWizard__DataDirectory"] = data,
                }),
            });
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = protocolVersion }, cancellationToken: timeout.Token);
            var tools = await client.ListToolsAsync(cancellationToken: timeout.Token);
            return new OutputSchemas(tools
                .Where(t => t.ProtocolTool.OutputSchema is not null)
                .ToDictionary(t => t.Name, t => t.ProtocolTool.OutputSchema!.Value, StringComparer.Ordinal));
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}
