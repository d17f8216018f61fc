using Polly;

namespace BulkWizard.Registry.Pacing;

/// <summary>
/// The registry's pace as a step of the retry layer, between the retry and the attempt timeout: each attempt is
/// admitted by <see cref="RegistryPace.AdmitAsync"/> (so waiting for the pace never counts against the attempt's
/// timeout, and retries are paced like first attempts), timed, and what it met is told to <see cref="RegistryPace.Observe"/>.
/// </summary>
internal sealed class PaceStrategy(RegistryPace pace, TimeProvider time) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var request = context.GetRequestMessage();
        var writes = request is not null && request.Options.TryGetValue(RegistryRequestOptions.Writes, out var isWrite) && isWrite;
        RegistryPace.Admission admission;
        try
        {
            admission = await pace.AdmitAsync(writes, context.CancellationToken);
        }
        catch (OperationCanceledException e)
        {
            return Outcome.FromException<HttpResponseMessage>(e);
        }

        using (admission)
        {
            var started = time.GetTimestamp();
            var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            var elapsed = time.GetElapsedTime(started);
            pace.Observe(admission, outcome.Result, await ErrorCodeAsync(outcome.Result, context.CancellationToken), elapsed);
            return outcome;
        }
    }

    private static async ValueTask<int> ErrorCodeAsync(HttpResponseMessage? response, CancellationToken cancellationToken)
    {
        if (response is null || (int)response.StatusCode < 500)
        {
            return 0;
        }

        try
        {
            return await RegistryTransientFailures.ReadErrorCodeAsync(response, cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            // The body could not be read: the retry layer and the gateway see the same failure and handle it.
            return 0;
        }
    }
}
