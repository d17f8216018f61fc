namespace BulkWizard.Core.Execution;

/// <summary>What one pass over an item does: only compare (dry run), apply the change, or undo it.</summary>
internal enum ItemPass
{
    DryRun,
    Apply,
    Undo,
}
