using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// A cleanup's own arguments, as <c>bulk_schema_cleanup</c> takes them and as <c>start_bulk_wizard</c> takes them in
/// <c>answers</c>: the cleanup type and options, how thoroughly the impact check looks, and answers to its questions.
/// </summary>
public sealed record CleanupArguments : IOperationArguments
{
    public const int MaxSample = 1_000_000;
    public const int MaxWaitSeconds = 3600;

    public string? CleanupType { get; init; }

    public bool? Permanent { get; init; }

    public int? KeepLast { get; init; }

    public bool? RemoveEmptyContext { get; init; }

    public bool? RemoveDanglingAliases { get; init; }

    public int? SamplePerPartition { get; init; }

    public bool? WholeTopic { get; init; }

    public int? WaitTimeoutSeconds { get; init; }

    public string? ProducersAction { get; init; }

    public string? ConsumersAction { get; init; }

    public string? UnknownImpact { get; init; }

    public string OperationType => OperationTypes.Cleanup;

    public string? Validate()
    {
        if (CleanupType is not null && CleanupTypes.Find(CleanupType) is null)
        {
            return OperationArguments.NotAllowed("cleanup_type", CleanupType, CleanupTypes.Values);
        }

        if (KeepLast is { } keep && keep < 1)
        {
            return $"keep_last: {keep} is not allowed: give a whole number of at least 1 (the newest live versions kept per subject).";
        }

        if (KeepLast is not null && CleanupType is not null && CleanupType != CleanupKeys.OldVersions)
        {
            return $"keep_last: only for cleanup_type '{CleanupKeys.OldVersions}', not '{CleanupType}'.";
        }

        if (SamplePerPartition is { } sample && sample is < 1 or > MaxSample)
        {
            return $"sample_per_partition: {sample} is not allowed: give 1 to {MaxSample}, or whole_topic: true.";
        }

        if (WaitTimeoutSeconds is { } wait && wait is < 1 or > MaxWaitSeconds)
        {
            return $"wait_timeout_seconds: {wait} is not allowed: give 1 to {MaxWaitSeconds}.";
        }

        return ImpactAnswers.Problem(ProducersAction, ConsumersAction, UnknownImpact);
    }

    public string? Missing() => CleanupTypes.Find(CleanupType) is { } type
        ? type.Missing(this)
        : OperationArguments.MissingFor("cleanup_type", "a cleanup", "one of " + string.Join(", ", CleanupTypes.Values));

    /// <summary>For the planning tool, which asks nothing: <c>pattern</c> is required by the types that imply no selector of their own.</summary>
    public string? MissingPattern(string? pattern) =>
        pattern is null && CleanupTypes.NeedsSelection(CleanupType)
            ? OperationArguments.MissingFor("pattern", $"cleanup_type '{CleanupType}'", "the subjects to clean up, e.g. orders-* or :.staging:*")
            : null;

    public IReadOnlyDictionary<string, JsonNode> Proposals()
    {
        var proposals = new ProposalSet().Set(CleanupKeys.CreateBackup, CleanupKeys.BackupAlways);

        proposals.Set(CleanupKeys.CleanupType, CleanupType);
        proposals.Set(CleanupKeys.Permanent, Permanent);
        proposals.Set(CleanupKeys.KeepLast, KeepLast);
        proposals.Set(CleanupKeys.RemoveEmptyContext, RemoveEmptyContext);
        proposals.Set(CleanupKeys.RemoveDanglingAliases, RemoveDanglingAliases);
        ImpactAnswers.Propose(proposals, ProducersAction, ConsumersAction, UnknownImpact);
        proposals.Set(CleanupKeys.SamplePerPartition, SamplePerPartition);
        proposals.Set(CleanupKeys.WholeTopic, WholeTopic);
        proposals.Set(CleanupKeys.WaitTimeoutSeconds, WaitTimeoutSeconds);
        foreach (var (key, value) in CleanupTypes.Find(CleanupType)?.SelectionProposals() ?? [])
        {
            proposals.Set(key, value);
        }

        return proposals.ToDictionary();
    }

    /// <summary>The descriptions of these arguments as tool parameters, written once for every tool that takes them.</summary>
    public static class Descriptions
    {
        public const string CleanupType = "deprecated, test, old_versions or pattern.";
        public const string Pattern = "Subjects to clean up: required for pattern and old_versions; for test and deprecated it narrows the selector and decides the contexts (:*:* every context; default: the default context). E.g. test-*, :.staging:orders-*, :*:test-*.";
        public const string Permanent = "Permanently delete (soft delete first, then permanent=true; ids stop resolving) instead of a soft delete (default false).";
        public const string KeepLast = "For old_versions (required there, refused for the others): the newest live versions kept per subject, at least 1.";
        public const string RemoveEmptyContext = "With permanent: also remove each named context the cleanup empties (DELETE /contexts, registries 8.0.1+; default false).";
        public const string RemoveDanglingAliases = "With permanent: also remove the aliases that would point at nothing once their subject is gone (registries 7.6.3+ list them; default false).";
        public const string SamplePerPartition = "Impact check: retained messages read from the end of each partition when looking for schema ids still in use (default from configuration, 1000).";
        public const string WholeTopic = "Impact check: read every retained message instead of a sample (default false).";
        public const string WaitTimeoutSeconds = "With consumers_action wait: how long to wait for consumer groups to catch up, 1 to 3600 seconds (default 300).";
        public const string ProducersAction = "When producers are active on affected topics: force, skip (leave those subjects out) or cancel. Asked when needed and not given.";
        public const string ConsumersAction = "When consumers read topics whose ids a permanent delete removes: wait, force, skip or cancel. Asked when needed and not given.";
        public const string UnknownImpact = "When impact could not be checked (no Kafka configured, unreachable, no topic known): proceed or cancel. Asked when needed and not given.";
    }
}
