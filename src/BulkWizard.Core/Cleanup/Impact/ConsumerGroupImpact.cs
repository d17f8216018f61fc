namespace BulkWizard.Core.Cleanup.Impact;

/// <summary>A consumer group with committed offsets on a subject's topic.</summary>
/// <param name="State">The group's state as Kafka reports it (<c>Stable</c>, <c>Empty</c>, …): an empty group is still a consumer (a nightly batch job).</param>
/// <param name="Lag">Messages between its committed offsets and the log-end offsets, summed over the topic's partitions.</param>
public sealed record ConsumerGroupImpact(string Group, string State, int Members, long Lag);
