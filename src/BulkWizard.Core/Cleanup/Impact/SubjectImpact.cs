namespace BulkWizard.Core.Cleanup.Impact;

/// <summary>The impact check's finding for one subject.</summary>
/// <param name="Topic">The topic the subject maps to; null when unknown.</param>
/// <param name="ProducersActive">True when the topic's log-end offset advanced during the check window; null when not checked.</param>
/// <param name="Groups">Consumer groups with committed offsets on the topic.</param>
/// <param name="IdsInRetainedData">Removed ids (<see cref="ImpactTarget.IdsRemoved"/>) found in the topic's retained messages (Confluent wire format).</param>
/// <param name="RetentionMs">The topic's <c>retention.ms</c> when read; -1 is "forever".</param>
/// <param name="Reason">Why the verdict is what it is, in one sentence a person can act on.</param>
public sealed record SubjectImpact(
    string Subject,
    string? Topic,
    bool? ProducersActive,
    IReadOnlyList<ConsumerGroupImpact> Groups,
    IReadOnlyList<int> IdsInRetainedData,
    long? RetentionMs,
    ImpactVerdict Verdict,
    string Reason);
