using System.ComponentModel;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Server.Configuration;
using BulkWizard.Server.Tools.Results;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>Who a permanent delete would break, seen from the registry's Kafka cluster, without changing anything.</summary>
[McpServerToolType]
public sealed class ImpactTools(IRegistryGatewayProvider registries, IConsumerImpactChecker checker, BulkWizardOptions options)
{
    private const int MaxSample = CleanupArguments.MaxSample;

    [McpServerTool(Name = "check_consumer_impact", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Checks what a permanent delete of the subjects a pattern selects would break, on the Kafka cluster configured for the registry: producers writing to each subject's topic (log-end offsets watched for a few seconds), consumer groups with committed offsets on it and their lag, and the subject's schema ids in the topic's retained messages. Verdict per subject: affected, none_seen, or unknown with the reason (no Kafka configured, Kafka unreachable, no topic known). Reads only: it joins no consumer group and commits nothing.")]
    public Task<ImpactReport> CheckConsumerImpact(
        [Description(ToolText.Pattern)] string pattern,
        [Description(ToolText.Registry)] string? registry = null,
        [Description("Retained messages read from the end of each partition when looking for schema ids, 1 to 1000000 (default from BulkWizard:Impact:SamplePerPartition, 1000).")] int? sample_per_partition = null,
        [Description("Read every retained message instead of the last sample_per_partition of each partition (slower on large topics).")] bool whole_topic = false,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registry ?? registries.Default.Name, async () =>
        {
            var sample = sample_per_partition ?? options.Impact.SamplePerPartition;
            if (sample is < 1 or > MaxSample)
            {
                throw new ArgumentException($"sample_per_partition: {sample} is out of range: give 1 to {MaxSample}.");
            }

            var selection = SubjectPattern.Parse(pattern);
            var gateway = registries.Get(registry);
            var targets = await ImpactTargetReader.ReadAsync(gateway, selection, cancellationToken);
            var check = options.Impact.ToCheckOptions() with { SamplePerPartition = sample, WholeTopic = whole_topic };
            var impacts = await checker.CheckAsync(gateway.Registry.Name, targets, check, cancellationToken);
            return new ImpactReport(gateway.Registry.Name, impacts, ImpactSummary.Of(impacts));
        });
}
