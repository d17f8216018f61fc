using Confluent.Kafka;

namespace BulkWizard.Kafka.Clients;

/// <summary>Words for a failed Kafka call, to end a verdict's reason with.</summary>
internal static class KafkaFailure
{
    public static string Describe(Exception e, TimeSpan timeout) => e switch
    {
        TimeoutException => $"no answer within {Seconds(timeout)}",
        KafkaException kafka => kafka.Error.Reason is { Length: > 0 } reason ? reason : kafka.Message,
        AggregateException { InnerException: { } inner } => Describe(inner, timeout),
        _ => e.Message,
    };

    public static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";

    /// <summary>True for anything but the caller's own cancellation, which must propagate.</summary>
    public static bool IsFailure(Exception e, CancellationToken cancellationToken) =>
        e is not OperationCanceledException || !cancellationToken.IsCancellationRequested;
}
