using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Plans;
using BulkWizard.Core.SchemaUpdate.Metadata;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// The fix of one subject's violations: its own config body with the fixed fields set, everything else in it kept.
/// A subject without a config of its own gets one that starts from what it inherits (see <see cref="Inherited"/>), so
/// the fix changes nothing but the fixed fields.
/// </summary>
internal static class ComplianceFix
{
    private static readonly string[] TakenFromOwnConfigOnly = ["defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet"];

    public static (SubjectConfigChange? Change, SkippedSubject? Unfixable) Of(
        ComplianceState state, IReadOnlyList<ComplianceViolation> violations, ComplianceRules rules, IReadOnlyDictionary<string, string> propertyValues)
    {
        var subject = state.Subject.ToString();
        if (violations.Count == 0)
        {
            return (null, null);
        }

        if (state.Settings.BlocksWrites)
        {
            return (null, new SkippedSubject(subject, $"mode {state.Settings.EffectiveMode} ({state.Settings.ModeSource})"));
        }

        var properties = rules.RequiredProperties.ToDictionary(ComplianceRuleNames.RequiredProperty, StringComparer.Ordinal);
        var after = state.OwnConfig is { } own ? (JsonObject)own.DeepClone() : Inherited(state);
        var before = new List<string>();
        var fixes = new List<string>();
        var withoutValue = new List<string>();
        foreach (var violation in violations)
        {
            switch (violation.Rule)
            {
                case ComplianceRuleNames.Compatibility:
                    var level = CompatibilityFloor.Raise(CompatibilityLevels.Parse(state.Settings.EffectiveLevel), rules.Floor!.Value).Format();
                    after["compatibility"] = level;
                    before.Add($"compatibility {violation.Found}");
                    fixes.Add($"compatibility {level}");
                    break;
                case ComplianceRuleNames.Normalize:
                    after["normalize"] = true;
                    before.Add($"normalize {violation.Found}");
                    fixes.Add("normalize on");
                    break;
                case ComplianceRuleNames.ValidateFields:
                    after["validateFields"] = true;
                    before.Add($"validateFields {violation.Found}");
                    fixes.Add("validateFields on");
                    break;
                default:
                    var key = properties[violation.Rule];
                    if (propertyValues.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value))
                    {
                        var property = new JsonObject { [RegistryMetadata.Properties] = new JsonObject { [key] = value } };
                        after["defaultMetadata"] = RegistryMetadata.Merge(after["defaultMetadata"] as JsonObject, property);
                        before.Add($"{key} not set");
                        fixes.Add($"defaultMetadata {key}={value}");
                    }
                    else
                    {
                        withoutValue.Add(key);
                    }

                    break;
            }
        }

        var change = fixes.Count == 0 ? null : new SubjectConfigChange(subject, state.OwnConfig, after, string.Join("; ", before), string.Join("; ", fixes));
        var unfixable = withoutValue.Count == 0 ? null : new SkippedSubject(
            subject,
            withoutValue.Count == 1
                ? $"required property {withoutValue[0]} not set: no value given for it"
                : $"required properties {string.Join(", ", withoutValue)} not set: no value given for them");
        return (change, unfixable);
    }

    /// <summary>
    /// A new own config that keeps what the subject has in effect now. Without it, the subject's level would become the
    /// server default (a subject config without a level reports it); its metadata and rule sets would be none (they come
    /// from the subject's config alone once it has one); and its inheritable fields would come from <c>/config</c>
    /// instead of its context: each that differs is set to the value in effect.
    /// </summary>
    private static JsonObject Inherited(ComplianceState state)
    {
        var body = new JsonObject { ["compatibility"] = state.Settings.EffectiveLevel };
        var inherited = state.Read.Inherited.Config;
        foreach (var field in TakenFromOwnConfigOnly)
        {
            if (inherited?[field] is { } value)
            {
                body[field] = value.DeepClone();
            }
        }

        foreach (var field in ScopeFields.Inheritable)
        {
            var inEffect = state.Scope.Inherited(field).Value;
            if (!JsonNode.DeepEquals(inEffect, state.Scope.Global?[field]))
            {
                // A flag not set anywhere is off; a text field that is unset cannot be written unset, so it is left out.
                var kept = inEffect?.DeepClone() ?? (ScopeFields.Flags.Contains(field) ? JsonValue.Create(false) : null);
                if (kept is not null)
                {
                    body[field] = kept;
                }
            }
        }

        return body;
    }
}
