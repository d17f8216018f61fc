using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Naming;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.SchemaUpdate.Naming;

/// <summary>Naming plans against a Sandbox: selections, registrations, and reads the way a client sees the registry.</summary>
internal static class NamingSandbox
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static SelectedSubjects Selection(params string[] subjects) =>
        new("test-*", [.. subjects.Select(QualifiedSubject.Parse)], new Dictionary<QualifiedSubject, string>());

    public static Task<OperationPlan> PlanAsync(SandboxHarness harness, NamingConvention convention, params string[] subjects) =>
        new NamingPlanner(harness.Gateway, TimeProvider.System)
            .PlanAsync(Selection(subjects), new NamingRequest(convention), new BulkOperationConfig(), new JsonObject(), None);

    public static async Task<int> RegisterAsync(SandboxHarness harness, string subject, string schema, string? type = null)
    {
        var result = await harness.Gateway.RegisterAsync(QualifiedSubject.Parse(subject), new RegisterSchemaRequest(schema, type), None);
        return result.GetValueOrThrow(SandboxHarness.RegistryName, "register").Id;
    }

    public static async Task<JsonObject?> OwnConfigAsync(SandboxHarness harness, string subject) =>
        (await harness.Gateway.GetConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse(subject)), None))?.Fields;

    /// <summary><c>GET /subjects/{s}/versions/latest</c> over plain HTTP, as a producer or consumer would: status and body.</summary>
    public static async Task<(int Status, JsonObject? Body)> LatestAsClientAsync(SandboxHarness harness, string subject)
    {
        using var http = new HttpClient { BaseAddress = harness.Sandbox.BaseAddress };
        using var response = await http.GetAsync(new Uri($"subjects/{Uri.EscapeDataString(subject)}/versions/latest", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(text)!.AsObject() : null);
    }

    public static string Avro(string name, string? space = null) =>
        space is null
            ? $$"""{"type":"record","name":"{{name}}","fields":[{"name":"f0","type":"string"}]}"""
            : $$"""{"type":"record","name":"{{name}}","namespace":"{{space}}","fields":[{"name":"f0","type":"string"}]}""";
}
