namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>What a compliance check found: the violations, the rules judged (and where they come from), and how many subjects were checked and comply.</summary>
public sealed record ComplianceReport(string Registry, IReadOnlyList<ComplianceViolation> Violations, ComplianceRules Rules, int Checked, int Compliant)
{
    public static ComplianceReport Of(string registry, int checkedSubjects, IReadOnlyList<ComplianceViolation> violations, ComplianceRules rules)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var violating = violations.Select(v => v.Subject).Distinct(StringComparer.Ordinal).Count();
        return new(registry, violations, rules, checkedSubjects, checkedSubjects - violating);
    }
}
