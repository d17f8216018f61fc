using BulkWizard.Kafka.Clients;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace BulkWizard.Kafka.Topics;

/// <summary>The topics' <c>retention.ms</c>, in one request. Retention informs; it decides no verdict, so a failure leaves it out.</summary>
internal static class RetentionReader
{
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(IAdminClient admin, IReadOnlyList<string> topics, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var results = await Bounded.CallAsync(
                () => admin.DescribeConfigsAsync(topics.Select(t => new ConfigResource { Type = ResourceType.Topic, Name = t }), new DescribeConfigsOptions { RequestTimeout = timeout }),
                timeout,
                cancellationToken);
            return results
                .Where(r => r.Entries?.GetValueOrDefault("retention.ms")?.Value is not null)
                .Select(r => (r.ConfigResource.Name, Value: long.TryParse(r.Entries["retention.ms"].Value, out var ms) ? ms : (long?)null))
                .Where(r => r.Value is not null)
                .ToDictionary(r => r.Name, r => r.Value!.Value, StringComparer.Ordinal);
        }
        catch (Exception e) when (KafkaFailure.IsFailure(e, cancellationToken))
        {
            return new Dictionary<string, long>();
        }
    }
}
