using BulkWizard.Core.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace BulkWizard.Registry.Tests;

public sealed class GatewayProviderTests
{
    private static IRegistryGatewayProvider Provider(params RegistryOptions[] registries)
    {
        var services = new ServiceCollection();
        services.AddRegistryGateways(registries);
        return services.BuildServiceProvider().GetRequiredService<IRegistryGatewayProvider>();
    }

    [Fact]
    public void Get_NullName_IsTheMarkedDefault()
    {
        var provider = Provider(
            new RegistryOptions { Name = "dev", Url = "http://dev.test" },
            new RegistryOptions { Name = "prod", Url = "http://prod.test", Default = true });

        Assert.Equal("prod", provider.Default.Name);
        Assert.Equal("prod", provider.Get(null).Registry.Name);
        Assert.Equal("dev", provider.Get("DEV").Registry.Name);
        Assert.Equal(2, provider.Registries.Count);
    }

    [Fact]
    public void Get_WithoutAMarkedDefault_IsTheFirst()
    {
        var provider = Provider(new RegistryOptions { Name = "a", Url = "http://a.test" }, new RegistryOptions { Name = "b", Url = "http://b.test" });

        Assert.Equal("a", provider.Get(null).Registry.Name);
    }

    [Fact]
    public void Get_UnknownName_ListsTheConfiguredOnes()
    {
        var provider = Provider(new RegistryOptions { Name = "a", Url = "http://a.test" }, new RegistryOptions { Name = "b", Url = "http://b.test" });

        var error = Assert.Throws<RegistryNotConfiguredException>(() => provider.Get("c"));

        Assert.Equal("Registry 'c' is not configured. Configured registries: a, b.", error.Message);
    }

    [Fact]
    public void AddRegistryGateways_DuplicateOrBadUrl_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Provider(new RegistryOptions { Name = "a", Url = "http://a.test" }, new RegistryOptions { Name = "A", Url = "http://b.test" }));
        Assert.Throws<ArgumentException>(() => Provider(new RegistryOptions { Name = "a", Url = "ftp://a.test" }));
        Assert.Throws<ArgumentException>(() => Provider(new RegistryOptions { Name = "a", Url = " , " }));
    }
}
