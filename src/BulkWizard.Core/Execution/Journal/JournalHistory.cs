namespace BulkWizard.Core.Execution.Journal;

/// <summary>The entries of a journal, in the order written, and what they say about each item.</summary>
/// <param name="TornLastLine">The file ended in a partial line (a crash during an append); it is not among the entries.</param>
/// <param name="CompleteLength">Bytes up to the end of the last complete line.</param>
internal sealed record JournalHistory(IReadOnlyList<JournalEntry> Entries, bool TornLastLine, long CompleteLength)
{
    public static JournalHistory Empty { get; } = new([], false, 0);

    public StartedEntry? Started => Entries.OfType<StartedEntry>().FirstOrDefault();

    /// <summary>The final status when the run finished; null for a run that crashed or was interrupted.</summary>
    public CompletedEntry? Completed => Entries.OfType<CompletedEntry>().LastOrDefault();

    public bool WasInterrupted => Completed is null && Entries.Count > 0;

    /// <summary>
    /// The changes that are in the registry: applied, with no undo after it (an undo conflict or failure leaves
    /// the change in place). Ordered by item index.
    /// </summary>
    public IReadOnlyList<AppliedEntry> AppliedNotUndone() =>
        LatestPerItem(e => e is AppliedEntry or UndoneEntry)
            .OfType<AppliedEntry>()
            .ToList();

    /// <summary>
    /// The items whose write started (<see cref="ApplyingEntry"/>) and that were not undone afterwards: applied, failed
    /// part-way, or interrupted mid-write. Whatever they registered may still be in the registry.
    /// </summary>
    public IReadOnlySet<int> ActedNotUndone()
    {
        var acted = Entries.OfType<ApplyingEntry>().Select(e => e.Index).ToHashSet();
        acted.ExceptWith(LatestPerItem(e => e is ApplyingEntry or UndoneEntry).OfType<UndoneEntry>().Select(e => e.Index));
        return acted;
    }

    /// <summary>
    /// Items whose write started (<see cref="ApplyingEntry"/>) with no outcome after it: the write may or may
    /// not have reached the registry, so the live state must be read before acting on them.
    /// </summary>
    public IReadOnlyList<ApplyingEntry> InDoubt() =>
        LatestPerItem(e => e is ApplyingEntry or AppliedEntry or FailedEntry or ConflictEntry)
            .OfType<ApplyingEntry>()
            .ToList();

    /// <summary>Items whose undo started (<see cref="UndoingEntry"/>) with no outcome after it.</summary>
    public IReadOnlyList<UndoingEntry> UndoInDoubt() =>
        LatestPerItem(e => e is UndoingEntry or UndoneEntry or UndoConflictEntry or UndoFailedEntry)
            .OfType<UndoingEntry>()
            .ToList();

    /// <summary>For each item, the last of its entries that <paramref name="relevant"/> selects; ordered by index.</summary>
    private IEnumerable<ItemEntry> LatestPerItem(Func<ItemEntry, bool> relevant) =>
        Entries.OfType<ItemEntry>()
            .Where(relevant)
            .GroupBy(e => e.Index)
            .Select(g => g.Last())
            .OrderBy(e => e.Index);
}
