using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;

namespace BulkWizard.Core.Templates;

/// <summary>
/// The templates every server has, for the common jobs (and the server's prompts): what the job fixes is pre-filled,
/// what differs each time (registry, pattern, level, target) is given at the start or asked.
/// </summary>
public static class BuiltInTemplates
{
    public const string CleanUpTestSchemas = "clean-up-test-schemas";
    public const string RaiseCompatibility = "raise-compatibility";
    public const string MigrateContext = "migrate-context-to-registry";
    public const string ApplyNamingConvention = "apply-naming-convention";

    public static IReadOnlyList<OperationTemplate> All { get; } =
    [
        new()
        {
            Name = CleanUpTestSchemas,
            Description = "Soft-delete the test schemas (the test prefixes; a pattern narrows them), reference-safe and backed up.",
            OperationType = OperationTypes.Cleanup,
            Arguments = new JsonObject { ["cleanup_type"] = "test" },
            BuiltIn = true,
        },
        new()
        {
            Name = RaiseCompatibility,
            Description = "Set a compatibility level on each subject a pattern selects (e.g. every subject of a context, :.staging:*).",
            OperationType = OperationTypes.SchemaUpdate,
            Arguments = new JsonObject { ["update_type"] = "compatibility" },
            BuiltIn = true,
        },
        new()
        {
            Name = MigrateContext,
            Description = "Copy the subjects of a context to another configured registry, ids and versions preserved; the source is kept.",
            OperationType = OperationTypes.Migration,
            Arguments = new JsonObject { ["migration_type"] = "registry" },
            BuiltIn = true,
        },
        new()
        {
            Name = ApplyNamingConvention,
            Description = "Add conforming names (aliases) for the subjects that break a naming convention.",
            OperationType = OperationTypes.SchemaUpdate,
            Arguments = new JsonObject { ["update_type"] = "naming" },
            BuiltIn = true,
        },
    ];

    public static OperationTemplate? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
