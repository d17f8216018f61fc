namespace BulkWizard.Kafka.Clients;

/// <summary>
/// A hard limit around each Kafka call. librdkafka's own timeouts usually fire first, with a better message; this
/// guards against a call that never returns (a broker that accepts the connection and stays silent).
/// </summary>
internal static class Bounded
{
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(500);

    public static Task<T> CallAsync<T>(Func<Task<T>> call, TimeSpan timeout, CancellationToken cancellationToken) =>
        call().WaitAsync(timeout + Slack, cancellationToken);

    /// <summary>A blocking client call (metadata, watermarks) moved off the caller's thread, then bounded.</summary>
    public static Task<T> RunAsync<T>(Func<T> call, TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.Run(call, cancellationToken).WaitAsync(timeout + Slack, cancellationToken);
}
