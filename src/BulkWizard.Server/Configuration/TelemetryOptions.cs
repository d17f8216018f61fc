namespace BulkWizard.Server.Configuration;

/// <summary>
/// OpenTelemetry export (section <c>BulkWizard:Telemetry</c>). Off by default; on when <see cref="OtlpEndpoint"/> or
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Only OTLP: stdout carries JSON-RPC alone.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// The collector's base URL, e.g. <c>http://localhost:4318</c>: traces go to <c>/v1/traces</c> and metrics to
    /// <c>/v1/metrics</c> below it (http/protobuf), or to the URL itself when <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> is grpc.
    /// </summary>
    public string? OtlpEndpoint { get; set; }
}
