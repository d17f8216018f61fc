using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// The security-policy question: defaults or overrides, then tags, properties, sensitive fields and a rule set, each
/// optional (at least one is needed). Its message says that access control is outside the registry's REST API.
/// </summary>
internal static class SecuritySteps
{
    public const string OptionsStep = ConfigurationKeys.OptionsStep;

    public static IReadOnlyList<string> Targets { get; } = [ConfigurationKeys.DefaultTarget, ConfigurationKeys.OverrideTarget];

    public static Question Question() => new(OptionsStep, WizardTexts.Get("configuration_security_options"),
    [
        new Field(ConfigurationKeys.MetadataTarget, FieldKind.Choice, WizardTexts.Get("configuration_metadata_target"))
        {
            Options = [.. Targets.Select(t => new ChoiceOption(t, WizardTexts.Get("configuration_metadata_target_" + t)))],
            Default = ConfigurationKeys.DefaultTarget,
        },
        Optional(ConfigurationKeys.Tags, "configuration_tags", Check(t => PolicyText.Tags(t))),
        Optional(ConfigurationKeys.Properties, "configuration_properties", Check(t => PolicyText.Properties(t))),
        Optional(ConfigurationKeys.Sensitive, "configuration_sensitive", null),
        Optional(ConfigurationKeys.RuleSet, "configuration_rule_set", Check(t => RuleSetText.Parse(t))),
    ]);

    private static Field Optional(string key, string textKey, Func<string, string?>? rule) =>
        new(key, FieldKind.Text, WizardTexts.Get(textKey)) { Description = WizardTexts.Get(textKey + "_description"), Required = false, Rule = rule };

    /// <summary>A text rule from a parser: its format error, or null when the text reads (an empty text means "not given").</summary>
    private static Func<string, string?> Check(Func<string, object> parse) => text =>
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            parse(text);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    };
}
