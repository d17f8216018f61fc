using System.Text.Json.Nodes;
using BulkWizard.Core.Configuration.Compliance;
using BulkWizard.Core.SchemaUpdate;

namespace BulkWizard.Core.Migration;

/// <summary>
/// What governs registrations differently for a migrated subject where its copy will be, after the copy (with the
/// subject config and mode it carries), than where it is now: each config field that judges or changes a registration,
/// and the mode, with the value on each side and the scope it comes from. A named context does not inherit the default
/// context's <c>PUT /config</c>, so a subject moved into one can lose what it inherited.
/// </summary>
internal static class EffectiveConfigDifferences
{
    /// <summary>The config fields compared, in the order the differences list them (the level under its request name).</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["compatibility", "normalize", "validateFields", "defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet"];

    /// <summary>
    /// One entry per field or mode that differs, e.g. <c>compatibility BACKWARD (global) → FULL (context .prod)</c>;
    /// empty when everything in effect stays the same.
    /// </summary>
    /// <param name="from">The source subject's settings.</param>
    /// <param name="fromScope">What the source subject's context hands down.</param>
    /// <param name="to">The target subject's settings when planned.</param>
    /// <param name="toScope">What the target context hands down.</param>
    /// <param name="toConfig">The target subject's own config after the copy (null: none).</param>
    /// <param name="toMode">The target subject's own mode after the copy (null: none).</param>
    public static IReadOnlyList<string> Of(SubjectSettings from, ScopeFields fromScope, SubjectSettings to, ScopeFields toScope, JsonObject? toConfig, string? toMode)
    {
        var differences = new List<string>();
        foreach (var field in Fields)
        {
            var before = fromScope.InEffect(from.OwnConfig, field);
            var after = toScope.InEffect(toConfig, field);
            if (!Same(field, before, after))
            {
                differences.Add($"{field} {Text(field, before)} → {Text(field, after)}");
            }
        }

        var (mode, modeSource) = toMode is null ? (to.InheritedMode, to.InheritedModeSource) : (toMode, ConfigField.SubjectSource);
        if (mode != from.EffectiveMode)
        {
            differences.Add($"mode {from.EffectiveMode} ({from.ModeSource}) → {mode} ({modeSource})");
        }

        return differences;
    }

    /// <summary>The part of a change's line that tells the differences: empty when there are none.</summary>
    public static string Describe(IReadOnlyList<string>? differences) =>
        differences is null or [] ? "" : "; effective config differs in the target: " + string.Join("; ", differences);

    /// <summary>The field names of entries made by <see cref="Of"/>.</summary>
    public static string Names(IReadOnlyList<string> differences) => string.Join(", ", differences.Select(d => d.Split(' ')[0]));

    private static bool Same(string field, ConfigField before, ConfigField after) =>
        ScopeFields.Flags.Contains(field) ? before.IsOn == after.IsOn : JsonNode.DeepEquals(before.Value, after.Value);

    private static string Text(string field, ConfigField value)
    {
        var shown = ScopeFields.Flags.Contains(field) ? (value.IsOn ? "true" : "false")
            : value.Value is null ? "none"
            : value.Value is JsonValue text && text.TryGetValue<string>(out var level) ? level
            : value.Value.ToJsonString();
        return $"{shown} ({value.Source})";
    }
}
