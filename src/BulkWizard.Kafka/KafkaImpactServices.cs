using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace BulkWizard.Kafka;

/// <summary>Registers the Kafka consumer-impact check.</summary>
public static class KafkaImpactServices
{
    /// <summary>One checker for the process: it holds no connection between checks, only the registries' settings.</summary>
    public static IServiceCollection AddKafkaImpactCheck(this IServiceCollection services, KafkaImpactSettings? settings = null) =>
        services.AddSingleton<IConsumerImpactChecker>(sp =>
            new KafkaImpactChecker(sp.GetRequiredService<IRegistryGatewayProvider>(), settings ?? KafkaImpactSettings.Default));
}
