using BulkWizard.Core.Configuration.Compliance;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// The compliance question: which rules to fix (<c>fix</c>: compatibility, normalize, validate_fields,
/// required_properties, or all of them) and the values of required metadata properties (<c>properties</c>, e.g.
/// <c>owner=team-a</c>), which no rule can guess.
/// </summary>
internal static class ComplianceSteps
{
    public const string All = "all";

    public static IReadOnlyList<string> Rules { get; } =
        [ComplianceRuleNames.Compatibility, ComplianceRuleNames.Normalize, ComplianceRuleNames.ValidateFields, ComplianceRuleNames.RequiredProperties];

    /// <summary>The rules <paramref name="fix"/> names (<c>all</c>, or a comma-separated list).</summary>
    public static IReadOnlyList<string> Parse(string? fix) =>
        fix is null || fix.Trim() == All ? Rules : [.. fix.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    public static string? Problem(string fix) =>
        Parse(fix) is { Count: > 0 } rules
            ? rules.FirstOrDefault(r => !Rules.Contains(r)) is { } unknown ? OperationArguments.NotAllowed("fix", unknown, [All, .. Rules]) : null
            : $"fix: give {All} or rules among {string.Join(", ", Rules)}.";

    /// <summary><paramref name="rules"/> judged only on the rules to fix; the others are left out, as a rules file that omits them.</summary>
    public static ComplianceRules Only(ComplianceRules rules, IReadOnlyList<string> fix) => rules with
    {
        CompatibilityAtLeast = fix.Contains(ComplianceRuleNames.Compatibility) ? rules.CompatibilityAtLeast : null,
        Normalize = fix.Contains(ComplianceRuleNames.Normalize) && rules.Normalize,
        ValidateFields = fix.Contains(ComplianceRuleNames.ValidateFields) && rules.ValidateFields,
        RequiredProperties = fix.Contains(ComplianceRuleNames.RequiredProperties) ? rules.RequiredProperties : [],
    };

    public static Question Question() => new(ConfigurationKeys.OptionsStep, WizardTexts.Get("configuration_compliance_options"),
    [
        new Field(ConfigurationKeys.Fix, FieldKind.Text, WizardTexts.Get("configuration_fix"))
        {
            Description = WizardTexts.Get("configuration_fix_description"),
            Default = All,
            Rule = Problem,
        },
        new Field(ConfigurationKeys.Properties, FieldKind.Text, WizardTexts.Get("configuration_compliance_properties"))
        {
            Description = WizardTexts.Get("configuration_compliance_properties_description"),
            Required = false,
        },
    ]);
}
