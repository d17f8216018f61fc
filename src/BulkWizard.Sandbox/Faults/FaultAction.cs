namespace BulkWizard.Sandbox.Faults;

/// <summary>What the pipeline does to one request on a <see cref="FaultDecision"/>.</summary>
internal enum FaultAction
{
    /// <summary>Handled as usual (after the decision's latency, if any).</summary>
    None,

    /// <summary>Answered with the decision's error, not handled.</summary>
    Fail,

    /// <summary>Held, then answered a timeout error; nothing is handled.</summary>
    Hold,

    /// <summary>The connection is aborted before the request is handled.</summary>
    Drop,

    /// <summary>Handled, then its answer replaced with the decision's error.</summary>
    FailAfterApply,

    /// <summary>Handled, then the connection is aborted instead of answering.</summary>
    DropAfterApply,
}
