using BulkWizard.Core.Registry;
using Moq;

namespace BulkWizard.Kafka.Tests.Support;

/// <summary>A registry provider that knows one registry, <c>lab</c>, with or without a Kafka section.</summary>
public static class Registries
{
    public const string Name = "lab";

    public static IRegistryGatewayProvider With(KafkaOptions? kafka)
    {
        var provider = new Mock<IRegistryGatewayProvider>();
        provider.Setup(p => p.Registries).Returns([new RegistryOptions { Name = Name, Url = "http://registry:8081", Kafka = kafka }]);
        return provider.Object;
    }
}
