using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Tests.Operations;

public sealed class RunSettingsTests
{
    [Theory]
    [InlineData(0, 4, "batch_size: allowed 1 to 1000.")]
    [InlineData(50, 65, "max_parallel: allowed 1 to 64.")]
    [InlineData(50, 4, null)]
    public void Validate_OutOfRange_NamesParameterAndRange(int batchSize, int maxParallel, string? expected) =>
        Assert.Equal(expected, new RunSettings { BatchSize = batchSize, MaxParallel = maxParallel }.Validate());

    [Fact]
    public void ToConfig_CarriesEverySetting_AndStaysADryRunUntilConfirmed()
    {
        var config = new RunSettings { BatchSize = 7, DelayBetweenBatches = 1.5, CreateBackup = false, RollbackOnError = false, MaxParallel = 2, Canary = false }.ToConfig();

        Assert.Equal((7, 1.5, false, false, 2, false), (config.BatchSize, config.DelayBetweenBatches, config.CreateBackup, config.RollbackOnError, config.MaxParallel, config.Canary));
        Assert.True(config.DryRun);
    }

    [Fact]
    public void Defaults_AreTheSeedsConfigDefaults()
    {
        var config = new RunSettings().ToConfig();

        Assert.Equal(new BulkOperationConfig(), config);
    }
}
