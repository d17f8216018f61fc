using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Faults;

/// <summary>
/// Fails chosen writes: the <see cref="At"/>-th write after arming, and the <see cref="Count"/> - 1 after it (or every
/// later one, <see cref="UntilDisarmed"/>); with <see cref="Every"/> above 1, only every so many of them (a fraction of the writes). Writes are the requests that change the registry: PUT, DELETE and the
/// registration POST. The lookup and compatibility POSTs only read, and a client re-reads with them after a lost
/// answer, so they are never counted.
/// </summary>
public sealed record WriteFault
{
    /// <summary>The first write that fails, 1-based, counted from arming among the writes this fault covers.</summary>
    public int At { get; init; } = 1;

    /// <summary>How many writes in a row fail, from <see cref="At"/> on.</summary>
    public int Count { get; init; } = 1;

    /// <summary>
    /// The step between failing writes: 1 (the default) fails writes in a row, 5 fails writes At, At + 5, At + 10, …
    /// (<see cref="Count"/> of them, or all until disarmed).
    /// </summary>
    public int Every { get; init; } = 1;

    /// <summary>Every covered write from <see cref="At"/> on fails until the faults are disarmed, so a client's retries fail too.</summary>
    public bool UntilDisarmed { get; init; }

    /// <summary>
    /// Only writes to this subject are covered (its config and mode included), as the registry names it after the
    /// context prefix is resolved (<c>:.ctx:name</c>, or <c>name</c> in the default context); a trailing <c>*</c>
    /// covers every subject starting with what precedes it. Null covers every write.
    /// </summary>
    public string? Subject { get; init; }

    public WriteFaultTiming Timing { get; init; } = WriteFaultTiming.BeforeApply;

    public WriteFaultAnswer Answer { get; init; } = WriteFaultAnswer.Error;

    /// <summary>Why this fault cannot be armed, or null when it can.</summary>
    public string? Validate() =>
        At < 1 ? $"failWrite.at must be 1 or more (got {At})."
        : Count < 1 ? $"failWrite.count must be 1 or more (got {Count})."
        : Every < 1 ? $"failWrite.every must be 1 or more (got {Every})."
        : Answer == WriteFaultAnswer.RateLimited && Timing != WriteFaultTiming.BeforeApply
            ? "failWrite.answer rateLimited needs timing beforeApply: a registry that answers 429 has not applied the write."
        : Subject is { Length: 0 } ? "failWrite.subject must not be empty; leave it out to cover every write."
        : null;

    /// <summary>Whether a write to <paramref name="subject"/> (null for a write to no subject) is one this fault counts.</summary>
    public bool Covers(string? subject)
    {
        if (Subject is null)
        {
            return true;
        }

        if (subject is null)
        {
            return false;
        }

        subject = QualifiedSubject.Normalize(subject);
        return Subject.EndsWith('*')
            ? subject.StartsWith(Subject[..^1], StringComparison.Ordinal)
            : string.Equals(subject, Subject, StringComparison.Ordinal);
    }

    /// <summary>Whether the <paramref name="write"/>-th covered write (1-based) fails.</summary>
    public bool Fails(long write) =>
        write >= At && (write - At) % Every == 0 && (UntilDisarmed || (write - At) / Every < Count);
}
