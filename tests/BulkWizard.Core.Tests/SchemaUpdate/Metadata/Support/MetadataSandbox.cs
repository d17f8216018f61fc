using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Metadata;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.SchemaUpdate.Metadata.Support;

/// <summary>Builders for metadata tests on a <see cref="SandboxHarness"/>: registrations with metadata, selections, plans that went through JSON.</summary>
internal static class MetadataSandbox
{
    public static SelectedSubjects Select(params string[] subjects) =>
        new("test-*", [.. subjects.Select(QualifiedSubject.Parse)], new Dictionary<QualifiedSubject, string>());

    public static JsonObject Properties(params (string Key, string Value)[] properties) =>
        new() { ["properties"] = new JsonObject([.. properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]) };

    /// <summary>Registers a one-field record named after <paramref name="record"/> with <paramref name="metadata"/>; returns the id.</summary>
    public static async Task<int> RegisterAsync(this SandboxHarness harness, string subject, JsonObject? metadata, string? record = null, int fields = 1)
    {
        var schema = SandboxHarness.AvroRecord(record ?? "R_" + new string([.. subject.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]), fields);
        var result = await harness.Gateway.RegisterAsync(QualifiedSubject.Parse(subject), new RegisterSchemaRequest(schema, Metadata: metadata), CancellationToken.None);
        return result.GetValueOrThrow(SandboxHarness.RegistryName, "register").Id;
    }

    public static async Task<SchemaVersion> VersionAsync(this SandboxHarness harness, string subject, VersionSelector version) =>
        await harness.Gateway.GetVersionAsync(QualifiedSubject.Parse(subject), version, includeDeleted: true, CancellationToken.None)
            ?? throw new InvalidOperationException($"{subject} has no version {version}");

    public static async Task<IReadOnlyList<int>> VersionsAsync(this SandboxHarness harness, string subject) =>
        await harness.Gateway.ListVersionsAsync(QualifiedSubject.Parse(subject), DeletedFilter.IncludeDeleted, CancellationToken.None);

    public static async Task<JsonObject?> OwnConfigAsync(this SandboxHarness harness, string subject) =>
        (await harness.Gateway.GetConfigAsync(RegistryScope.ForSubject(QualifiedSubject.Parse(subject)), CancellationToken.None))?.Fields;

    /// <summary>Plans, seals, and passes the plan through its JSON form, as a stored plan is.</summary>
    public static async Task<OperationPlan> PlanAsync(this SandboxHarness harness, MetadataRequest request, params string[] subjects)
    {
        var plan = await new MetadataPlanner(harness.Gateway, TimeProvider.System).PlanAsync(Select(subjects), request, TestPlans.RealRun(), [], CancellationToken.None);
        return PlanJson.Deserialize(PlanJson.Serialize(PlanIdentity.Seal(plan)));
    }

    public static string? Property(this SchemaVersion version, string key) => RegistryMetadata.Property(version.Metadata, key);
}
