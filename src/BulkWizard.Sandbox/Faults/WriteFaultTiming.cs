namespace BulkWizard.Sandbox.Faults;

/// <summary>When a failing write fails: before the registry applies it, or after (the answer is lost).</summary>
public enum WriteFaultTiming
{
    /// <summary>Nothing is stored: the client is told the truth, that the write failed.</summary>
    BeforeApply,

    /// <summary>The write is stored, but the client never learns it: the ambiguous "lost answer".</summary>
    AfterApply,
}
