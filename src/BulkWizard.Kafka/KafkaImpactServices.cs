using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Registry;
using BulkWizard.Kafka;

// In the container's namespace, as registration extensions usually are, so a host adds the check without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Kafka consumer-impact check.</summary>
public static class KafkaImpactServices
{
    /// <summary>One checker for the process: it holds no connection between checks, only the registries' settings.</summary>
    /// <param name="requestTimeout">What one Kafka request may take; the other limits keep their defaults.</param>
    public static IServiceCollection AddKafkaImpactCheck(this IServiceCollection services, TimeSpan requestTimeout) =>
        services.AddKafkaImpactCheck(KafkaImpactSettings.Default with { RequestTimeout = requestTimeout });

    public static IServiceCollection AddKafkaImpactCheck(this IServiceCollection services, KafkaImpactSettings settings) =>
        services.AddSingleton<IConsumerImpactChecker>(sp => new KafkaImpactChecker(sp.GetRequiredService<IRegistryGatewayProvider>(), settings));
}
