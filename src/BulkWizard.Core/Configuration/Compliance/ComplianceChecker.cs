using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// Judges the selected subjects' effective configs against <see cref="ComplianceRules"/> and works out the config
/// changes that fix them. Reads only: config and mode per subject, and the configs each context hands down.
/// </summary>
public sealed class ComplianceChecker(IRegistryGateway gateway)
{
    /// <summary>Every violation, subject by subject in the given order, each subject's in the rules' order.</summary>
    public async Task<IReadOnlyList<ComplianceViolation>> CheckAsync(IReadOnlyList<QualifiedSubject> subjects, ComplianceRules rules, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var states = await new ComplianceStateReader(gateway).ReadAsync(subjects, ct);
        return [.. states.SelectMany(s => ComplianceJudge.Judge(s, rules))];
    }

    /// <summary>
    /// The subject-config changes (one per subject: the subject's own config body plus the fixes) that make every fixable
    /// violation go away. <paramref name="propertyValues"/> gives the values of required metadata properties (e.g.
    /// owner → team-a), set in the subject's <c>defaultMetadata</c>; a property without a value is returned as unfixable
    /// with the reason, as is every subject whose mode (READONLY, IMPORT) leaves it alone.
    /// </summary>
    public async Task<ComplianceFixes> FixesAsync(
        IReadOnlyList<QualifiedSubject> subjects, ComplianceRules rules, IReadOnlyDictionary<string, string> propertyValues, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(propertyValues);
        var states = await new ComplianceStateReader(gateway).ReadAsync(subjects, ct);
        var changes = new List<SubjectConfigChange>();
        var unfixable = new List<SkippedSubject>();
        foreach (var state in states)
        {
            var (change, left) = ComplianceFix.Of(state, [.. ComplianceJudge.Judge(state, rules)], rules, propertyValues);
            if (change is not null)
            {
                changes.Add(change);
            }

            if (left is not null)
            {
                unfixable.Add(left);
            }
        }

        return new ComplianceFixes(changes, unfixable);
    }
}
