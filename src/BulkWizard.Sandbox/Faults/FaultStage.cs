using BulkWizard.Sandbox.Http;
using Microsoft.AspNetCore.Http;

namespace BulkWizard.Sandbox.Faults;

/// <summary>Carries out a <see cref="FaultDecision"/> around the handling of one request in <see cref="RegistryPipeline"/>.</summary>
internal static class FaultStage
{
    /// <summary>
    /// Adds the latency, then drops, holds or fails the request. True when the request goes on to its handler; false
    /// when there is nothing left to answer (the connection was dropped, or the client gave up while held).
    /// </summary>
    /// <exception cref="RegistryException">The error to answer instead of handling the request.</exception>
    public static async Task<bool> BeforeHandlingAsync(HttpContext http, FaultDecision fault)
    {
        try
        {
            if (fault.Latency > TimeSpan.Zero)
            {
                await Task.Delay(fault.Latency, http.RequestAborted);
            }

            if (fault.Action == FaultAction.Hold)
            {
                await HoldAsync(fault, http.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        switch (fault.Action)
        {
            case FaultAction.Drop:
                http.Abort();
                return false;
            case FaultAction.Fail or FaultAction.Hold:
                throw new RegistryException(fault.Status, fault.ErrorCode, fault.Message);
            default:
                return true;
        }
    }

    /// <summary>
    /// After the request was handled: the error that replaces its answer, or null to answer as handled. A dropped
    /// answer aborts the connection; <paramref name="dropped"/> then says there is nothing left to write.
    /// </summary>
    public static RegistryException? AfterHandling(HttpContext http, FaultDecision fault, out bool dropped)
    {
        dropped = fault.Action == FaultAction.DropAfterApply;
        if (dropped)
        {
            http.Abort();
            return null;
        }

        return fault.Action == FaultAction.FailAfterApply ? new RegistryException(fault.Status, fault.ErrorCode, fault.Message) : null;
    }

    /// <summary>Waits the hold, or until the client gives up or the faults are disarmed (which ends the hold early).</summary>
    private static async Task HoldAsync(FaultDecision fault, CancellationToken aborted)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var hold = Task.Delay(fault.Hold ?? Timeout.InfiniteTimeSpan, ended.Token);
        await Task.WhenAny(hold, fault.Released ?? Task.CompletedTask);

        // A hold ended by disarming must not leave its delay waiting on the connection.
        await ended.CancelAsync();
        aborted.ThrowIfCancellationRequested();
    }
}
