namespace BulkWizard.Core.Registry;

/// <summary>
/// The result of a write that is never retried blindly (register, delete of a version or subject).
/// A definite refusal by the registry is thrown as a <c>SchemaRegistryException</c>; this type reports
/// what happened when the answer was lost (timeout, connection reset, 5xx) and the gateway re-read the target.
/// </summary>
/// <param name="Value">The registry's answer, or what the re-read found; set when <see cref="Outcome"/> is Applied.</param>
/// <param name="Failure">The transport failure that made the outcome uncertain; null when the registry answered.</param>
public sealed record WriteResult<T>(WriteOutcome Outcome, T? Value, Exception? Failure)
{
    /// <summary>True when the outcome came from a re-read rather than from the registry's answer.</summary>
    public bool WasVerified => Failure is not null;

    /// <summary>The value of an applied write; otherwise throws <see cref="RegistryWriteOutcomeException"/>.</summary>
    public T GetValueOrThrow(string registryName, string operation) =>
        Outcome == WriteOutcome.Applied && Value is not null
            ? Value
            : throw new RegistryWriteOutcomeException(registryName, operation, Outcome, Failure);
}
