using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Configuration;

/// <summary>What to configure, from the answers: the type, the scope (and its context), and the type's own values.</summary>
/// <param name="Mode">For mode: READWRITE, READONLY or IMPORT to set; null to clear the scope's own mode (<c>inherit</c>).</param>
/// <param name="Force">For a switch to IMPORT: skip the registry's checks and its purge of soft-deleted versions.</param>
/// <param name="Security">For security: the policy to merge into each scope's config.</param>
internal sealed record ConfigurationRequest(ConfigurationType Type, string Scope, string? Context, string? Mode, bool Force, SecurityPolicy? Security)
{
    /// <summary>For retention: the limits, and what to do besides storing the policy.</summary>
    public RetentionRequest Retention { get; init; } = new(null, null, false, false);

    /// <summary>For compliance: the rules to fix, and the values of required properties (key → value).</summary>
    public (IReadOnlyList<string> Fix, IReadOnlyDictionary<string, string> PropertyValues) Compliance { get; init; } = ([], new Dictionary<string, string>());

    /// <summary>Subjects a review left out (e.g. still produced to), with the reason shown among the skipped.</summary>
    public IReadOnlyDictionary<string, string> Excluded { get; init; } = new Dictionary<string, string>();

    public bool IsSubjects => Scope == ConfigurationKeys.Subjects;

    /// <exception cref="WizardInputException">An answer is missing or does not read.</exception>
    public static ConfigurationRequest Of(JsonObject answers)
    {
        var type = ConfigurationTypes.Find(Text(answers, ConfigurationKeys.ConfigurationType))
            ?? throw new WizardInputException("configuration_type: not answered.");
        var scope = Text(answers, ConfigurationKeys.Scope) ?? throw new WizardInputException("scope: not answered.");
        var mode = Text(answers, ConfigurationKeys.Mode);
        SecurityPolicy? security = null;
        if (type.Value == ConfigurationKeys.SecurityType)
        {
            try
            {
                security = SecurityPolicy.Parse(
                    Text(answers, ConfigurationKeys.MetadataTarget), Text(answers, ConfigurationKeys.Tags), Text(answers, ConfigurationKeys.Properties),
                    Text(answers, ConfigurationKeys.Sensitive), Text(answers, ConfigurationKeys.RuleSet));
            }
            catch (FormatException e)
            {
                throw new WizardInputException(e.Message);
            }

            if (security.IsEmpty)
            {
                throw new WizardInputException(SecurityMissing);
            }
        }

        var retention = new RetentionRequest(
            Whole(answers, ConfigurationKeys.KeepLast),
            Whole(answers, ConfigurationKeys.OlderThanDays),
            answers[ConfigurationKeys.EnforceNow]?.GetValue<bool>() ?? false,
            answers[ConfigurationKeys.PolicyInMetadata]?.GetValue<bool>() ?? false);
        if (type.Value == ConfigurationKeys.RetentionType && retention.KeepLast is null && retention.OlderThanDays is null)
        {
            throw new WizardInputException(RetentionMissing);
        }

        IReadOnlyDictionary<string, string> propertyValues;
        try
        {
            propertyValues = type.Value == ConfigurationKeys.ComplianceType ? PolicyText.Properties(Text(answers, ConfigurationKeys.Properties)) : new Dictionary<string, string>();
        }
        catch (FormatException e)
        {
            throw new WizardInputException(e.Message);
        }

        return new ConfigurationRequest(
            type,
            scope,
            Text(answers, ConfigurationKeys.Context) is { } context ? ConfigurationScopes.Normalize(context) : null,
            mode == ConfigurationKeys.Inherit ? null : mode,
            answers[ConfigurationKeys.Force]?.GetValue<bool>() ?? true,
            security)
        {
            Retention = retention,
            Compliance = (ComplianceSteps.Parse(Text(answers, ConfigurationKeys.Fix)), propertyValues),
        };
    }

    public const string RetentionMissing = "keep_last, older_than_days: give at least one for configuration_type 'retention'.";

    private static int? Whole(JsonObject answers, string key) => answers[key] is { } value ? (int)value.GetValue<double>() : null;

    public const string SecurityMissing = "tags, properties, sensitive, rule_set: give at least one for configuration_type 'security'.";

    private static string? Text(JsonObject answers, string key) =>
        answers[key]?.GetValue<string>() is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;
}
