using BulkWizard.Core.Registry;
using BulkWizard.Registry.Pacing;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace BulkWizard.Registry;

/// <summary>
/// The retry layer of every request marked retry-safe: exponential backoff with jitter, then the registry's pace
/// (<see cref="RegistryPace"/>: a 429's Retry-After, fewer writes at a time under strain, the writes-per-minute ceiling)
/// around a per-attempt timeout of <see cref="RegistryOptions.RequestTimeoutSeconds"/>. What may be retried is decided by
/// <see cref="RegistryTransientFailures"/>.
/// </summary>
internal static class RegistryResiliencePipeline
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder, RegistryOptions registry, RegistryResilienceOptions options, RegistryPace pace, TimeProvider time, ILogger logger)
    {
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // A 429's Retry-After is waited out by the pace, which holds every request to the registry, not
                // only this one; the retry adds no backoff of its own on top of it.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Result?.StatusCode == System.Net.HttpStatusCode.TooManyRequests ? TimeSpan.Zero : null),
                ShouldHandle = args => RegistryTransientFailures.ShouldRetryAsync(args.Outcome, args.Context),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var path = request is not null && request.Options.TryGetValue(RegistryRequestOptions.RelativeUri, out var relative) ? relative : "";
                    var reason = args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
                    logger.Retrying(registry.Name, args.AttemptNumber + 1, request?.Method ?? HttpMethod.Get, path, args.RetryDelay, reason);
                    return default;
                },
            });
        }

        builder.AddStrategy(_ => new PaceStrategy(pace, time), new PaceStrategyOptions());
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = TimeSpan.FromSeconds(Math.Max(1, registry.RequestTimeoutSeconds)) });
    }
}
