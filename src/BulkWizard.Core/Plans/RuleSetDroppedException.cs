namespace BulkWizard.Core.Plans;

/// <summary>
/// A config write whose read-back lacks a rule set the body carried: the registry dropped it, as the community edition
/// does with every rule set (spec §9). The message says so in place of a generic verification failure.
/// </summary>
public sealed class RuleSetDroppedException(string scope, IReadOnlyList<string> fields)
    : Exception($"the registry dropped the rule set ({string.Join(", ", fields)}) written to {(scope.Length == 0 ? "/config" : scope)}: " +
        "community edition keeps no rule sets. The config was put back as it was; use an Enterprise or Cloud registry for rule sets, or leave rule_set out.")
{
    public IReadOnlyList<string> Fields { get; } = fields;
}
