using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Operations;

/// <summary>
/// How a plan will run, as every planning tool takes it (flat parameters with these names and defaults):
/// the seed's <see cref="BulkOperationConfig"/> without its dry-run switch, which belongs to the confirmation.
/// </summary>
public sealed record RunSettings
{
    public int BatchSize { get; init; } = 50;

    public double DelayBetweenBatches { get; init; }

    public bool CreateBackup { get; init; } = true;

    public bool RollbackOnError { get; init; } = true;

    public int MaxParallel { get; init; } = 4;

    public bool Canary { get; init; } = true;

    /// <summary>The settings from a planning tool's flat parameters, in the order every tool lists them.</summary>
    public static RunSettings Of(int batchSize, double delayBetweenBatches, bool createBackup, bool rollbackOnError, int maxParallel, bool canary) => new()
    {
        BatchSize = batchSize,
        DelayBetweenBatches = delayBetweenBatches,
        CreateBackup = createBackup,
        RollbackOnError = rollbackOnError,
        MaxParallel = maxParallel,
        Canary = canary,
    };

    public BulkOperationConfig ToConfig() => new()
    {
        BatchSize = BatchSize,
        DelayBetweenBatches = DelayBetweenBatches,
        CreateBackup = CreateBackup,
        RollbackOnError = RollbackOnError,
        MaxParallel = MaxParallel,
        Canary = Canary,
    };

    /// <summary>The first setting out of range, named as the parameter (<c>batch_size: allowed 1 to 1000.</c>); null when valid.</summary>
    public string? Validate() => ToConfig().Validate();

    /// <summary>The descriptions of the run-settings parameters, written once for every tool that takes them.</summary>
    public static class Descriptions
    {
        public const string BatchSize = "Items per batch, 1 to 1000 (default 50).";
        public const string DelayBetweenBatches = "Seconds between batches, 0 to 3600 (default 0).";
        public const string CreateBackup = "Back up everything the plan touches before the first write (default true); false is refused when rollback_on_error is on or the plan deletes anything.";
        public const string RollbackOnError = "Undo every applied change when an item fails (default true).";
        public const string MaxParallel = "Items run at once within a batch, 1 to 64 (default 4).";
        public const string Canary = "Run the first item alone and verify it before the rest (default true).";
    }
}
