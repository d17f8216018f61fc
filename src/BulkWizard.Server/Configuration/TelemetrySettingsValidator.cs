using System.Collections;

namespace BulkWizard.Server.Configuration;

/// <summary>Refuses a telemetry endpoint that is not an absolute http(s) URL, naming the setting it came from.</summary>
public static class TelemetrySettingsValidator
{
    /// <summary>The standard OpenTelemetry variable, used when <see cref="TelemetryOptions.OtlpEndpoint"/> is not set.</summary>
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static void Validate(TelemetryOptions telemetry, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(environment);
        var (name, endpoint) = telemetry.OtlpEndpoint is not null
            ? ("BulkWizard:Telemetry:OtlpEndpoint", telemetry.OtlpEndpoint)
            : (StandardEndpointVariable, environment[StandardEndpointVariable] as string);
        if (!string.IsNullOrEmpty(endpoint) && !IsHttpUrl(endpoint))
        {
            throw new ConfigurationException($"{name}='{endpoint}' is not an absolute http(s) URL such as http://localhost:4318.");
        }
    }

    /// <summary>The collector's URL, from the setting or else the standard variable; null when telemetry is off.</summary>
    public static string? Endpoint(TelemetryOptions telemetry, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(environment);
        var endpoint = telemetry.OtlpEndpoint ?? environment[StandardEndpointVariable] as string;
        return string.IsNullOrEmpty(endpoint) ? null : endpoint;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
