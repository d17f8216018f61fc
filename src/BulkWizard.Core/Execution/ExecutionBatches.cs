using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Execution;

/// <summary>How a plan's changes are cut into batches, and a batch into waves that may run in parallel.</summary>
internal static class ExecutionBatches
{
    /// <summary>
    /// With a canary, the first batch is the canary (<see cref="CanaryIndex"/>) and the changes before it; then batches
    /// of <see cref="BulkOperationConfig.BatchSize"/>, in plan order.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Split(IReadOnlyList<PlannedChange> changes, BulkOperationConfig config)
    {
        var batches = new List<IReadOnlyList<int>>();
        var count = changes.Count;
        var next = 0;
        if (config.Canary && count > 0)
        {
            next = CanaryIndex(changes) + 1;
            batches.Add(Enumerable.Range(0, next).ToList());
        }

        while (next < count)
        {
            var size = Math.Min(config.BatchSize, count - next);
            batches.Add(Enumerable.Range(next, size).ToList());
            next += size;
        }

        return batches;
    }

    /// <summary>
    /// The first change that writes state of its target (<see cref="PlannedChange.Touches"/>): one that writes nothing
    /// (e.g. a migration's new context, which only its undo acts on) proves nothing about the rest as a canary.
    /// </summary>
    public static int CanaryIndex(IReadOnlyList<PlannedChange> changes)
    {
        for (var index = 0; index < changes.Count; index++)
        {
            if (changes[index].Touches != Backups.ScopeParts.None)
            {
                return index;
            }
        }

        return 0;
    }

    /// <summary>
    /// Runs of consecutive changes with the same rank (<see cref="PlannedChange.UndoOrder"/>): a wave starts only when the
    /// one before it has finished, so a subject that another one references is in place before the referrer is
    /// registered, and a referrer is gone before what it references is deleted.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Waves(IReadOnlyList<int> batch, IReadOnlyList<PlannedChange> changes)
    {
        var waves = new List<IReadOnlyList<int>>();
        List<int>? current = null;
        var rank = int.MinValue;
        foreach (var index in batch)
        {
            var itemRank = changes[index].UndoOrder.Rank;
            if (current is null || itemRank != rank)
            {
                current = [];
                waves.Add(current);
                rank = itemRank;
            }

            current.Add(index);
        }

        return waves;
    }

    /// <summary>
    /// The applied changes in undo order: higher rank first,
    /// then higher version first, ties in reverse plan order; whatever order they completed in.
    /// </summary>
    public static IReadOnlyList<int> UndoOrder(IEnumerable<int> applied, IReadOnlyList<PlannedChange> changes) =>
        [.. applied
            .OrderByDescending(i => changes[i].UndoOrder.Rank)
            .ThenByDescending(i => changes[i].UndoOrder.Version)
            .ThenByDescending(i => i)];
}
