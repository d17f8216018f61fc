using BulkWizard.Compatibility;
using BulkWizard.Core.SchemaUpdate.Metadata;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>Judges one subject's effective config against the rules, in the rules' order.</summary>
internal static class ComplianceJudge
{
    public static IEnumerable<ComplianceViolation> Judge(ComplianceState state, ComplianceRules rules)
    {
        var subject = state.Subject.ToString();
        var settings = state.Settings;
        if (rules.Floor is { } floor && !(CompatibilityLevels.TryParse(settings.EffectiveLevel, out var level) && CompatibilityFloor.Meets(level, floor)))
        {
            yield return new(subject, ComplianceRuleNames.Compatibility, $"{settings.EffectiveLevel} {ConfigField.Origin(settings.LevelSource)}", CompatibilityFloor.Describe(floor));
        }

        if (rules.Normalize && state.Field("normalize") is { IsOn: false } normalize)
        {
            yield return new(subject, ComplianceRuleNames.Normalize, $"off {ConfigField.Origin(normalize.Source)}", "on (normalize: true)");
        }

        if (rules.ValidateFields && state.Field("validateFields") is { IsOn: false } validate)
        {
            yield return new(subject, ComplianceRuleNames.ValidateFields, $"off {ConfigField.Origin(validate.Source)}", "on (validateFields: true)");
        }

        // Only the config counts, not the latest version's own metadata: a registration that sends none inherits the
        // previous version's, but one that sends its own drops it, whereas defaultMetadata / overrideMetadata of the
        // config in effect are merged into every next registration.
        foreach (var key in rules.RequiredProperties.Where(k => state.Metadata.SourceOfProperty(k) is null))
        {
            var found = state.Metadata == MetadataDefaults.None ? "not set: no config in effect carries defaultMetadata or overrideMetadata"
                : state.Metadata.IsEmpty ? $"not set: the {state.Metadata.Source} (in effect) has no defaultMetadata or overrideMetadata"
                : $"not set in the defaultMetadata or overrideMetadata of the {state.Metadata.Source}";
            yield return new(subject, ComplianceRuleNames.RequiredProperty(key), found, $"{key} set in defaultMetadata or overrideMetadata of the config in effect");
        }
    }
}
