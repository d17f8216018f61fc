namespace BulkWizard.Server.Configuration;

/// <summary>Checks <see cref="ImpactOptions"/>; the first value out of range becomes a one-line <see cref="ConfigurationException"/>.</summary>
public static class ImpactSettingsValidator
{
    public static void Validate(ImpactOptions impact)
    {
        Range(nameof(impact.ProducerWindowSeconds), impact.ProducerWindowSeconds, 1, 300);
        Range(nameof(impact.SamplePerPartition), impact.SamplePerPartition, 1, 1_000_000);
        Range(nameof(impact.KafkaTimeoutSeconds), impact.KafkaTimeoutSeconds, 1, 120);
    }

    private static void Range(string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new ConfigurationException($"BulkWizard:Impact:{name}={value} is out of range: allowed {min} to {max}.");
        }
    }
}
