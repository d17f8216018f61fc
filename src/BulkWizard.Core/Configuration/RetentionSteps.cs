using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// The retention question: the newest live versions to keep (<c>keep_last</c>) and/or the age beyond which versions go
/// (<c>older_than_days</c>, the newest live one always kept), and whether to delete what is over the limit now
/// (<c>enforce_now</c>) as well as storing the policy.
/// </summary>
internal static class RetentionSteps
{
    public const int MaxDays = 36_500;

    public static Question Question() => new(ConfigurationKeys.OptionsStep, WizardTexts.Get("configuration_retention_options"),
    [
        new Field(ConfigurationKeys.KeepLast, FieldKind.Number, WizardTexts.Get("configuration_keep_last"))
        {
            Minimum = 1, Maximum = int.MaxValue, WholeNumber = true, Required = false,
        },
        new Field(ConfigurationKeys.OlderThanDays, FieldKind.Number, WizardTexts.Get("configuration_older_than_days"))
        {
            Description = WizardTexts.Get("configuration_older_than_days_description"),
            Minimum = 1, Maximum = MaxDays, WholeNumber = true, Required = false,
        },
        new Field(ConfigurationKeys.EnforceNow, FieldKind.Boolean, WizardTexts.Get("configuration_enforce_now"))
        {
            Description = WizardTexts.Get("configuration_enforce_now_description"),
            Default = false,
        },
        new Field(ConfigurationKeys.PolicyInMetadata, FieldKind.Boolean, WizardTexts.Get("configuration_policy_in_metadata"))
        {
            Description = WizardTexts.Get("configuration_policy_in_metadata_description"),
            Default = false,
            Required = false,
        },
    ]);
}
