using System.Collections;
using BulkWizard.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace BulkWizard.Server.Tests.Configuration;

/// <summary>The <c>Impact</c> section and a registry's <c>Kafka.Topics</c> mappings, as the loader binds and checks them.</summary>
public sealed class ImpactSettingsTests
{
    private static BulkWizardOptions Load(Dictionary<string, string?> settings) =>
        ServerSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new Hashtable(), fileExists: _ => true);

    private static Dictionary<string, string?> Registry(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BulkWizard:Registries:0:Name"] = "lab",
            ["BulkWizard:Registries:0:Url"] = "http://registry:8081",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public void Load_NoImpactSection_Defaults()
    {
        var impact = Load(Registry()).Impact;

        Assert.Equal((5, 1000, 5), (impact.ProducerWindowSeconds, impact.SamplePerPartition, impact.KafkaTimeoutSeconds));
    }

    [Fact]
    public void Load_ImpactOutOfRange_NamesTheSetting()
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(Registry(("BulkWizard:Impact:ProducerWindowSeconds", "0")))).Message;

        Assert.Equal("BulkWizard:Impact:ProducerWindowSeconds=0 is out of range: allowed 1 to 300.", error);
    }

    [Fact]
    public void Load_KafkaTopics_BindsSubjectsOfEveryContext()
    {
        var kafka = Load(Registry(
            ("BulkWizard:Registries:0:Kafka:BootstrapServers", "kafka:9092"),
            ("BulkWizard:Registries:0:Kafka:Topics:com.acme.Order", "orders"),
            ("BulkWizard:Registries:0:Kafka:Topics:.staging/orders-value", "staging.orders"))).Registries[0].Kafka!;

        Assert.Equal("orders", kafka.Topics["com.acme.Order"]);
        Assert.Equal("staging.orders", kafka.Topics[".staging/orders-value"]);
    }

    [Fact]
    public void Load_KafkaTopicEmpty_Refused()
    {
        var error = Assert.Throws<ConfigurationException>(() => Load(Registry(
            ("BulkWizard:Registries:0:Kafka:BootstrapServers", "kafka:9092"),
            ("BulkWizard:Registries:0:Kafka:Topics:orders-value", "")))).Message;

        Assert.Equal("registry 0 ('lab'): Kafka.Topics maps subject 'orders-value' to an empty topic: give the topic's name or remove the entry.", error);
    }
}
