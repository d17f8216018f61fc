using System.Collections;
using BulkWizard.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace BulkWizard.Server.Tests.Configuration;

public sealed class TelemetrySettingsTests
{
    private static BulkWizardOptions Load(Dictionary<string, string?> settings, Dictionary<string, string>? environment = null) =>
        ServerSettingsLoader.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new Hashtable(environment ?? []));

    [Fact]
    public void Endpoint_NothingSet_TelemetryOff()
    {
        var options = Load([]);

        Assert.Null(TelemetrySettingsValidator.Endpoint(options.Telemetry, new Hashtable()));
    }

    [Fact]
    public void Endpoint_SettingWinsOverStandardVariable()
    {
        var environment = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318" };
        var options = Load(new() { ["BulkWizard:Telemetry:OtlpEndpoint"] = "http://localhost:4318" }, environment);

        Assert.Equal("http://localhost:4318", TelemetrySettingsValidator.Endpoint(options.Telemetry, new Hashtable(environment)));
        Assert.Equal("http://collector:4318", TelemetrySettingsValidator.Endpoint(new TelemetryOptions(), new Hashtable(environment)));
    }

    [Theory]
    [InlineData("localhost:4318")]
    [InlineData("ftp://collector")]
    public void Load_EndpointNotAnHttpUrl_RefusedNamingTheSetting(string endpoint)
    {
        var fromSetting = Assert.Throws<ConfigurationException>(() => Load(new() { ["BulkWizard:Telemetry:OtlpEndpoint"] = endpoint })).Message;
        var fromVariable = Assert.Throws<ConfigurationException>(() => Load([], new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint })).Message;

        Assert.Equal($"BulkWizard:Telemetry:OtlpEndpoint='{endpoint}' is not an absolute http(s) URL such as http://localhost:4318.", fromSetting);
        Assert.Equal($"OTEL_EXPORTER_OTLP_ENDPOINT='{endpoint}' is not an absolute http(s) URL such as http://localhost:4318.", fromVariable);
    }
}
