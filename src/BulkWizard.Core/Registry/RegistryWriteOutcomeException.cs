namespace BulkWizard.Core.Registry;

/// <summary>A write whose answer was lost and that a re-read found not applied, or could not classify.</summary>
public sealed class RegistryWriteOutcomeException : Exception
{
    public RegistryWriteOutcomeException(string registryName, string operation, WriteOutcome outcome, Exception? failure)
        : base($"Registry '{registryName}': {operation} {Describe(outcome)}.", failure)
    {
        RegistryName = registryName;
        Operation = operation;
        Outcome = outcome;
    }

    public string RegistryName { get; }

    public string Operation { get; }

    public WriteOutcome Outcome { get; }

    private static string Describe(WriteOutcome outcome) => outcome switch
    {
        WriteOutcome.NotApplied => "failed in transit and was not applied; it is safe to try again",
        WriteOutcome.Unknown => "failed in transit and whether it was applied is unknown; check the registry before trying again",
        _ => "was applied",
    };
}
