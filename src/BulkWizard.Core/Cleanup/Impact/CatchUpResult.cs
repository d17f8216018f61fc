namespace BulkWizard.Core.Cleanup.Impact;

/// <summary>How waiting for consumers to catch up ended.</summary>
/// <param name="CaughtUp">True when every group reached the log-end offsets recorded when the wait began.</param>
/// <param name="Behind">Groups still behind when the timeout came, with their remaining lag.</param>
public sealed record CatchUpResult(bool CaughtUp, IReadOnlyList<ConsumerGroupImpact> Behind, TimeSpan Waited);
