namespace BulkWizard.Core.Cleanup.Impact;

/// <summary>
/// Who a cleanup would break, seen from the Kafka cluster configured for a registry: producers still writing to a
/// subject's topic, consumer groups reading it, and removed schema ids still present in its retained data.
/// </summary>
public interface IConsumerImpactChecker
{
    /// <summary>One finding per target, in the targets' order. Without a Kafka section for the registry, or with Kafka unreachable, every verdict is <see cref="ImpactVerdict.Unknown"/> with the reason.</summary>
    Task<IReadOnlyList<SubjectImpact>> CheckAsync(string registry, IReadOnlyList<ImpactTarget> targets, ImpactCheckOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until each group of <paramref name="affected"/> has committed offsets at or past the log-end offsets
    /// recorded when the wait began, or <paramref name="timeout"/> passes; reports progress as it goes.
    /// </summary>
    Task<CatchUpResult> WaitForCatchUpAsync(string registry, IReadOnlyList<SubjectImpact> affected, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken);
}
