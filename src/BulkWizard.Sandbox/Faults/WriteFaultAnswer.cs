namespace BulkWizard.Sandbox.Faults;

/// <summary>What the client gets instead of the answer to a failing write.</summary>
public enum WriteFaultAnswer
{
    /// <summary>500 with the registry's error body, <c>{"error_code": 50001, "message": …}</c>.</summary>
    Error,

    /// <summary>Nothing: the connection is aborted.</summary>
    Drop,

    /// <summary>
    /// 429 with <c>{"error_code": 429, …}</c> and a <c>Retry-After</c> of <see cref="FaultOptions.RetryAfterSeconds"/>: the
    /// registry turned the write away unprocessed, so only <see cref="WriteFaultTiming.BeforeApply"/> allows it.
    /// </summary>
    RateLimited,

    /// <summary>500 with <c>{"error_code": 50002, …}</c> (operation timed out): applied or not, as the timing says.</summary>
    TimedOut,
}
