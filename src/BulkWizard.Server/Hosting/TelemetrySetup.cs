using System.Collections;
using BulkWizard.Core.Execution;
using BulkWizard.Server.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BulkWizard.Server.Hosting;

/// <summary>
/// Exports the runs' traces and metrics (<see cref="ExecutionTelemetry"/>) over OTLP when an endpoint is configured;
/// registers nothing otherwise. Never a console exporter: stdout carries JSON-RPC alone.
/// </summary>
internal static class TelemetrySetup
{
    private const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";

    public static IServiceCollection AddBulkWizardTelemetry(this IServiceCollection services, TelemetryOptions telemetry, IDictionary environment)
    {
        if (TelemetrySettingsValidator.Endpoint(telemetry, environment) is not { } endpoint)
        {
            return services;
        }

        // http/protobuf unless grpc is asked for: the default the OpenTelemetry specification recommends.
        var grpc = string.Equals(environment[ProtocolVariable] as string, "grpc", StringComparison.OrdinalIgnoreCase);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("bulkwizard", serviceVersion: ServerVersion.Current))
            .WithTracing(tracing => tracing.AddSource(ExecutionTelemetry.Name)
                .AddOtlpExporter(exporter => Target(exporter, endpoint, "v1/traces", grpc)))
            .WithMetrics(metrics => metrics.AddMeter(ExecutionTelemetry.Name)
                .AddOtlpExporter(exporter => Target(exporter, endpoint, "v1/metrics", grpc)));
        return services;
    }

    private static void Target(OtlpExporterOptions exporter, string endpoint, string signalPath, bool grpc)
    {
        exporter.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = grpc ? new Uri(endpoint) : new Uri(endpoint.TrimEnd('/') + "/" + signalPath);
    }
}
