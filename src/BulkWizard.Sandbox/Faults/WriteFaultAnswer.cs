namespace BulkWizard.Sandbox.Faults;

/// <summary>What the client gets instead of the answer to a failing write.</summary>
public enum WriteFaultAnswer
{
    /// <summary>500 with the registry's error body, <c>{"error_code": 50001, "message": …}</c>.</summary>
    Error,

    /// <summary>Nothing: the connection is aborted.</summary>
    Drop,
}
