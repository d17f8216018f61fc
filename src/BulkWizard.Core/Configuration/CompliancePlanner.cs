using BulkWizard.Core.Configuration.Compliance;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// Plans compliance fixes: the subjects the scope governs are judged on their effective config by the organization's
/// rules (<see cref="ComplianceChecker"/>), only on the rules <c>fix</c> names, and each fixable subject gets one
/// <see cref="SubjectConfigChange"/> on its own config; what no change fixes (a required property without a value, a
/// subject kept from writing) is listed among the skipped with the reason.
/// </summary>
internal sealed class CompliancePlanner(ConfigurationPlanning planning)
{
    public async Task<OperationPlan> PlanAsync(CancellationToken cancellationToken)
    {
        var (fix, values) = planning.Request.Compliance;
        var rules = ComplianceSteps.Only(Load(), fix);
        var subjects = await planning.SubjectsInScopeAsync(cancellationToken);
        var fixes = await new ComplianceChecker(planning.Gateway).FixesAsync(subjects, rules, values, cancellationToken);
        var warnings = new List<string>
        {
            $"Judged by {rules.Source} on {string.Join(", ", fix)}: each subject's effective config (its own, else its context's, else the all-contexts one); the fixes go into the subject's own config.",
        };
        if (fix.Count < ComplianceSteps.Rules.Count)
        {
            warnings.Add($"Rules not in fix ({string.Join(", ", ComplianceSteps.Rules.Except(fix))}) are neither judged nor fixed here; check_compliance lists every violation.");
        }

        if (fixes.Changes.Any(c => c.AfterText.Contains("defaultMetadata", StringComparison.Ordinal)))
        {
            warnings.Add("Required properties go into defaultMetadata: they apply to the next registration only, and a producer that auto-registers an unchanged schema then creates a new version and a new id.");
        }

        return planning.Plan($"Fix compliance ({string.Join(", ", fix)}) on {planning.ScopeText}", [.. fixes.Changes], fixes.Unfixable, warnings, 0);
    }

    private ComplianceRules Load()
    {
        try
        {
            return ComplianceRules.Load(planning.ComplianceRulesFile);
        }
        catch (ComplianceRulesException e)
        {
            throw new WizardInputException($"{e.Message} (set in BulkWizard:Compliance:RulesFile)");
        }
    }
}
