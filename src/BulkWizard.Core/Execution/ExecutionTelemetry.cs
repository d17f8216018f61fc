using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BulkWizard.Core.Execution;

/// <summary>
/// The traces and metrics of runs, under the name <see cref="Name"/>: one span per run and counts of runs, items by
/// outcome and errors, with run durations. Without a listener (telemetry off, the default) they cost next to nothing;
/// the server exports them over OTLP when configured.
/// </summary>
public static class ExecutionTelemetry
{
    public const string Name = "BulkWizard";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Operations = Meter.CreateCounter<long>("bulkwizard.operations", "{operation}", "Runs of plans (dry runs included), by operation type and final status.");

    internal static readonly Counter<long> Items = Meter.CreateCounter<long>("bulkwizard.items", "{item}", "Planned changes a run reached, by outcome.");

    internal static readonly Counter<long> Errors = Meter.CreateCounter<long>("bulkwizard.errors", "{item}", "Items that failed or were in conflict, by kind.");

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("bulkwizard.operation.duration", "s", "How long a run took, start to result.");

    /// <summary>Starts the span and clock of one run; dispose it when the run ends, after <see cref="RunTelemetry.Finished"/>.</summary>
    internal static RunTelemetry Start(string planId, string operationType, string registry, bool dryRun, int changes, TimeProvider timeProvider)
    {
        var tags = new TagList
        {
            { "bulkwizard.operation", operationType },
            { "bulkwizard.registry", registry },
            { "bulkwizard.dry_run", dryRun },
        };
        var activity = Source.StartActivity("bulkwizard.execute", ActivityKind.Internal);
        activity?.SetTag("bulkwizard.plan_id", planId);
        activity?.SetTag("bulkwizard.changes", changes);
        foreach (var tag in tags)
        {
            activity?.SetTag(tag.Key, tag.Value);
        }

        return new RunTelemetry(activity, tags, timeProvider);
    }
}
