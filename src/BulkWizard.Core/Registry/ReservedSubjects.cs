namespace BulkWizard.Core.Registry;

/// <summary>
/// Subject names the product keeps for itself. They only ever carry a config (never a version), which the registry
/// stores without creating the subject; no selection, listing or count ever shows them, even if someone registered
/// a version under one by hand.
/// </summary>
public static class ReservedSubjects
{
    /// <summary>The config of this subject (default context) holds the advisory execution lease of the registry.</summary>
    public const string ExecutionLease = "_bulkwizard-execution-lease";

    /// <summary>A migration sets and removes a rule set on the config of this subject (in the target context).</summary>
    public const string RuleSetProbe = "_bulkwizard-rule-set-probe";

    /// <summary>True for a reserved name, in any context.</summary>
    public static bool IsReserved(QualifiedSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return subject.Name is ExecutionLease or RuleSetProbe;
    }
}
