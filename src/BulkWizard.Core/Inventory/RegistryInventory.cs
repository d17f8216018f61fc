namespace BulkWizard.Core.Inventory;

/// <summary>What one registry holds, optionally limited to the subjects a pattern selects.</summary>
public sealed record RegistryInventory(
    string Registry,
    string? Pattern,
    int Contexts,
    int Subjects,
    int SoftDeletedSubjects,
    int Versions,
    int SoftDeletedVersions,
    int CompatibilityOverrides,
    int ModeOverrides,
    IReadOnlyList<ContextInventory> PerContext);
