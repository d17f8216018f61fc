namespace BulkWizard.Core.Plans;

/// <summary>How long the run should take: items, batches, the delay between them, and the registry latency measured while planning.</summary>
public sealed record PlanEstimate(int Items, int Batches, double DelayBetweenBatchesSeconds, double MeasuredLatencyMs, double ExpectedSeconds)
{
    /// <summary>
    /// Each item costs a read (drift check), a write and a read (verification); batches run
    /// <paramref name="maxParallel"/> items at a time, with the delay between batches.
    /// </summary>
    public static PlanEstimate For(int items, BulkOperationConfig config, double latencyMs)
    {
        var batches = items == 0 ? 0 : (int)Math.Ceiling((double)(items - (config.Canary ? 1 : 0)) / config.BatchSize) + (config.Canary ? 1 : 0);
        var perItemSeconds = 3 * latencyMs / 1000;
        var expected = items * perItemSeconds / Math.Max(1, config.MaxParallel) + Math.Max(0, batches - 1) * config.DelayBetweenBatches;
        return new PlanEstimate(items, batches, config.DelayBetweenBatches, Math.Round(latencyMs, 2), Math.Round(expected, 2));
    }
}
