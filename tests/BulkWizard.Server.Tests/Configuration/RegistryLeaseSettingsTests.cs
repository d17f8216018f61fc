using System.Collections;
using BulkWizard.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace BulkWizard.Server.Tests.Configuration;

public sealed class RegistryLeaseSettingsTests
{
    private static BulkWizardOptions Load(string? seconds) =>
        ServerSettingsLoader.Load(
            new ConfigurationBuilder().AddInMemoryCollection(seconds is null ? [] : [new("BulkWizard:Safety:RegistryLeaseSeconds", seconds)]).Build(),
            new Hashtable());

    [Theory]
    [InlineData(null, 120)]
    [InlineData("0", 0)]
    [InlineData("30", 30)]
    [InlineData("3600", 3600)]
    public void Load_LeaseSeconds_DefaultOffOrInRange(string? given, int expected) =>
        Assert.Equal(expected, Load(given).Safety.RegistryLeaseSeconds);

    [Theory]
    [InlineData("29")]
    [InlineData("3601")]
    [InlineData("-1")]
    public void Load_LeaseSecondsOutOfRange_RefusedNamingTheField(string given) =>
        Assert.Equal(
            $"BulkWizard:Safety:RegistryLeaseSeconds={given} is out of range: allowed 0 (no lease) or 30 to 3600.",
            Assert.Throws<ConfigurationException>(() => Load(given)).Message);
}
