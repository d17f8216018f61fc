namespace BulkWizard.Core.Inventory;

/// <summary>The counts of one context. Subjects count those with a live version; soft-deleted subjects have none left.</summary>
public sealed record ContextInventory(string Context, int Subjects, int SoftDeletedSubjects, int Versions, int SoftDeletedVersions)
{
    public static ContextInventory Empty(string context) => new(context, 0, 0, 0, 0);

    /// <summary>These counts with one more subject, holding <paramref name="live"/> live and <paramref name="deleted"/> soft-deleted versions.</summary>
    public ContextInventory WithSubject(int live, int deleted) => new(
        Context,
        Subjects + (live > 0 ? 1 : 0),
        SoftDeletedSubjects + (live == 0 ? 1 : 0),
        Versions + live + deleted,
        SoftDeletedVersions + deleted);
}
