namespace BulkWizard.Core.Execution;

/// <summary>Why a run stopped starting new items.</summary>
internal enum StopReason
{
    None,

    /// <summary><c>cancel_task</c>, or host shutdown (told apart by <see cref="ExecutionRequest.HostStopping"/>).</summary>
    Cancelled,

    /// <summary>401 or 403: no later request with the same credentials can do better.</summary>
    AccessDenied,

    /// <summary>More than the configured share of the processed items failed or were in conflict.</summary>
    ErrorRate,

    /// <summary>An item failed or was in conflict while rollback_on_error is on: the rest would only be undone.</summary>
    Error,

    /// <summary>The canary (first item, alone) was not applied.</summary>
    CanaryFailed,

    /// <summary>The journal could not be written: nothing more may be written to the registry.</summary>
    JournalFailed,
}
