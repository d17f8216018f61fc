namespace BulkWizard.Core.Cleanup.Impact;

/// <summary>How thoroughly the impact check looks.</summary>
/// <param name="ProducerWindow">How long log-end offsets are watched for producers.</param>
/// <param name="SamplePerPartition">Retained messages read from the end of each partition when scanning for schema ids.</param>
/// <param name="WholeTopic">Scan every retained message instead of the sample.</param>
public sealed record ImpactCheckOptions(TimeSpan ProducerWindow, int SamplePerPartition = ImpactCheckOptions.DefaultSample, bool WholeTopic = false)
{
    public const int DefaultSample = 1000;
}
