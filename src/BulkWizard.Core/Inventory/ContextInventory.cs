namespace BulkWizard.Core.Inventory;

/// <summary>The counts of one context. Subjects count those with a live version; soft-deleted subjects have none left.</summary>
public sealed record ContextInventory(string Context, int Subjects, int SoftDeletedSubjects, int Versions, int SoftDeletedVersions);
