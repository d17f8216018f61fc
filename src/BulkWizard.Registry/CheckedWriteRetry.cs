using BulkWizard.Core.Registry;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Registry;

/// <summary>
/// Repeats a write that must never be repeated blindly (a registration, a delete of a version or subject) only once
/// its lost answer was classified <see cref="WriteOutcome.NotApplied"/>: nothing was sent, or a re-read showed the
/// registry without it. Applied and Unknown are final. The repeats follow the retry layer's backoff
/// (<see cref="RegistryResilienceOptions"/>: as many, from the same base delay, doubling, with jitter, capped); after a
/// 429 the registry's pace waits its Retry-After instead.
/// </summary>
internal sealed class CheckedWriteRetry(string registryName, RegistryResilienceOptions options, TimeProvider time, ILogger logger)
{
    /// <param name="attempt">One send, with its lost answer classified (a definite refusal is thrown, and is final).</param>
    public async Task<WriteResult<T>> RunAsync<T>(string operation, Func<Task<WriteResult<T>>> attempt, CancellationToken cancellationToken)
    {
        for (var retry = 1; ; retry++)
        {
            var result = await attempt();
            if (result.Outcome != WriteOutcome.NotApplied || retry > options.MaxRetryAttempts)
            {
                return result;
            }

            // A 429 was turned away unprocessed; the pace holds every request to the registry for its Retry-After, so
            // the repeat waits that out (RegistryPace) and adds no backoff of its own.
            var delay = IsRateLimited(result.Failure) ? TimeSpan.Zero : Backoff(retry);
            logger.RepeatingCheckedWrite(registryName, operation, retry, delay);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private static bool IsRateLimited(Exception? failure) =>
        failure is Confluent.SchemaRegistry.SchemaRegistryException { Status: System.Net.HttpStatusCode.TooManyRequests };

    /// <summary>Base delay × 2^(retry − 1), between half and all of it at random (so parallel items spread), at most MaxDelay.</summary>
    private TimeSpan Backoff(int retry)
    {
        var full = Math.Min(options.BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1), options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
