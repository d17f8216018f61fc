using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>
/// Plans one <see cref="SubjectConfigChange"/> per subject whose own <c>defaultMetadata</c> or <c>overrideMetadata</c>
/// does not yet carry the edit. A subject without a config of its own gets one that repeats what it inherited
/// (compatibility level, metadata and rule set defaults and overrides): the registry takes those from the subject config
/// alone once there is one, so leaving them out would silently change the subject's level and defaults.
/// </summary>
internal static class MetadataConfigPlanning
{
    private const int ExamplesShown = 3;

    /// <summary>Fields a subject config does not inherit from the config above it (spec §7), besides the level.</summary>
    private static readonly string[] NotInherited = ["defaultMetadata", "overrideMetadata", "defaultRuleSet", "overrideRuleSet"];

    public static MetadataPlanParts Plan(SelectedSubjects selection, MetadataRequest request, IReadOnlyList<SubjectMetadataState> states)
    {
        var field = request.ConfigField!;
        var changes = new List<PlannedChange>();
        var skipped = new List<SkippedSubject>();
        var pinned = new List<string>();
        foreach (var state in states)
        {
            var name = selection.Display(state.Subject);
            var settings = state.Settings;
            if (settings.BlocksWrites)
            {
                skipped.Add(new SkippedSubject(name, $"mode {settings.EffectiveMode} ({settings.ModeSource})"));
                continue;
            }

            var own = settings.OwnConfig;
            var config = own is null ? Repeated(state) : (JsonObject)own.DeepClone();
            var current = RegistryMetadata.Normalize(config[field]);
            var edited = request.Edit.ApplyTo(current);
            if (JsonNode.DeepEquals(edited, current))
            {
                skipped.Add(new SkippedSubject(name, own is null ? $"{field} already as asked (inherited from the {state.Inherited.Source})" : $"{field} already as asked"));
                continue;
            }

            config.Remove(field);
            if (edited is not null)
            {
                config[field] = edited;
            }

            var beforeText = own is null ? $"{field} {RegistryMetadata.Show(current)} (inherited from the {state.Inherited.Source}, no subject config)" : $"{field} {RegistryMetadata.Show(current)}";
            changes.Add(new SubjectConfigChange(state.Subject.ToString(), own, config, beforeText, $"{field} {RegistryMetadata.Show(edited)}"));
            if (own is null)
            {
                pinned.Add(name);
            }
        }

        var warnings = new List<string>();
        if (changes.Count > 0)
        {
            warnings.Add($"Sets {field} on {changes.Count} subject(s): the next registration of each subject gets these properties and a new id, " +
                "even for an unchanged schema. Existing versions keep their metadata and ids.");
        }

        if (pinned.Count > 0)
        {
            warnings.Add($"{pinned.Count} subject(s) have no config of their own (e.g. {string.Join(", ", pinned.Take(ExamplesShown))}): each gets one repeating " +
                "the compatibility level and metadata and rule set defaults it inherited, so later changes to the context or global config no longer reach them.");
        }

        return new MetadataPlanParts(changes, skipped, warnings);
    }

    /// <summary>A subject config repeating what the subject inherits, so that creating it changes nothing but the edited field.</summary>
    internal static JsonObject Repeated(SubjectMetadataState state)
    {
        var config = new JsonObject();
        if (state.Settings.LevelSource != "server default")
        {
            config["compatibility"] = state.Settings.EffectiveLevel;
        }

        foreach (var name in NotInherited)
        {
            if (state.Inherited.Config?[name] is { } value)
            {
                config[name] = value.DeepClone();
            }
        }

        return config;
    }
}
