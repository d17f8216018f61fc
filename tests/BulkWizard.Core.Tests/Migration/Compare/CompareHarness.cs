using System.Text.Json.Nodes;
using BulkWizard.Core.Migration.Compare;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Migration.Compare;

/// <summary>Puts versions into a Sandbox with the ids and version numbers a test chooses (IMPORT), and compares two of them.</summary>
internal static class CompareHarness
{
    public static string Schema(string name, int fields = 1) => SandboxHarness.AvroRecord(name, fields);

    /// <summary>Registers one version with its id and number; the subject is switched to IMPORT with force, live versions or not.</summary>
    public static async Task ImportAsync(
        SandboxHarness harness, string subject, int version, int id, string schema, IReadOnlyList<SchemaReference>? references = null, JsonObject? metadata = null)
    {
        var qualified = QualifiedSubject.Parse(subject);
        await harness.Gateway.SetModeAsync(RegistryScope.ForSubject(qualified), RegistryMode.Import, force: true, CancellationToken.None);
        var request = new RegisterSchemaRequest(schema, References: references, Metadata: metadata, Id: id, Version: version);
        (await harness.Gateway.RegisterAsync(qualified, request, CancellationToken.None)).GetValueOrThrow(SandboxHarness.RegistryName, "import");
    }

    /// <summary>Imports the same versions into each harness.</summary>
    public static async Task ImportIntoEachAsync(
        IEnumerable<SandboxHarness> harnesses, string subject, int version, int id, string schema, IReadOnlyList<SchemaReference>? references = null, JsonObject? metadata = null)
    {
        foreach (var harness in harnesses)
        {
            await ImportAsync(harness, subject, version, id, schema, references, metadata);
        }
    }

    public static Task<RegistryComparison> CompareAsync(
        SandboxHarness source, SandboxHarness target, string pattern, string? sourceContext = null, string? targetContext = null, bool includeDeleted = false, int limit = 100) =>
        RegistryComparer.CompareAsync(
            new ComparedScope(source.Gateway, sourceContext),
            new ComparedScope(target.Gateway, targetContext),
            new CompareOptions(SubjectPattern.Parse(pattern), includeDeleted, limit),
            CancellationToken.None);

    public static string[] Lines(IEnumerable<ComparedVersion> versions) => [.. versions.Select(v => $"{v.Subject} v{v.Version} id {v.Id}")];

    public static string[] Lines(IEnumerable<DifferingVersion> versions) =>
        [.. versions.Select(d => $"{d.Subject} v{d.Version}: {string.Join(", ", d.Differences)} (source id {d.Source.Id} v{d.Source.Version}, target id {d.Target.Id} v{d.Target.Version})")];
}
