namespace BulkWizard.Sandbox.Faults;

/// <summary>
/// The fault one request meets: the latency added first, then the <see cref="Action"/> with, for an error, the status,
/// the registry's error code and message it answers, and for a hold how long it lasts (null: until the client gives up)
/// and the task that ends it early when the faults are disarmed; for a 429, the <c>Retry-After</c> seconds it carries.
/// </summary>
internal readonly record struct FaultDecision(
    TimeSpan Latency, FaultAction Action, int Status = 0, int ErrorCode = 0, string Message = "", TimeSpan? Hold = null, Task? Released = null,
    int? RetryAfterSeconds = null)
{
    public static FaultDecision None => default;
}
