using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// The config fields one context hands down, resolved as the registry resolves them (spec §7). A subject with a config
/// of its own takes its inheritable members (<see cref="Inheritable"/>) from <c>/config</c> field by field when its
/// own config lacks them. A subject without one takes them from its context's config (<c>:.ctx:</c>; a named context
/// never inherits <c>/config</c>), else <c>:.__GLOBAL:</c>, else the server default. The default context's config is
/// <c>/config</c>, which always answers (the server default when none is stored), so an unset global config cannot be
/// told from one that sets only the level: a field it lacks is looked up in <c>:.__GLOBAL:</c>, as
/// <c>SubjectMetadataReader</c> does for metadata.
/// </summary>
internal sealed class ScopeFields(string context, JsonObject? global, JsonObject? allContexts, JsonObject? contextConfig)
{
    private const string GlobalSource = "global";
    private const string AllContextsSource = "all contexts";

    /// <summary>The fields a subject's own config takes from <c>/config</c> when it lacks them.</summary>
    public static IReadOnlyList<string> Inheritable { get; } =
        ["normalize", "validateFields", "validateNewSchemas", "validateRules", "compatibilityPolicy", "compatibilityGroup"];

    /// <summary>The inheritable fields that are booleans: not set anywhere, they are off.</summary>
    public static IReadOnlySet<string> Flags { get; } = new HashSet<string>(StringComparer.Ordinal) { "normalize", "validateFields", "validateNewSchemas", "validateRules" };

    /// <summary>The <c>/config</c> body.</summary>
    public JsonObject? Global => global;

    /// <summary>An inheritable field for a subject whose own config is <paramref name="own"/> (null: none).</summary>
    public ConfigField Of(JsonObject? own, string field)
    {
        if (own is null)
        {
            return Inherited(field);
        }

        return own[field] is { } value ? new(value, ConfigField.SubjectSource)
            : global?[field] is { } fromGlobal ? new(fromGlobal, GlobalSource)
            : new(null, ConfigField.ServerDefaultSource);
    }

    /// <summary>
    /// Any config field as in effect for a subject whose own config is <paramref name="own"/> (null: none). The
    /// inheritable ones as <see cref="Of"/>; the level, metadata and rule sets come from the subject's config alone when
    /// it has one, else from what its context hands down, and a level set nowhere is the server default.
    /// </summary>
    public ConfigField InEffect(JsonObject? own, string field)
    {
        if (Inheritable.Contains(field))
        {
            return Of(own, field);
        }

        var found = own is null ? Inherited(field) : new ConfigField(own[field], ConfigField.SubjectSource);
        return field == "compatibility" && found.Value is null
            ? new ConfigField(JsonValue.Create(CompatibilityLevels.ServerDefault.Format()), ConfigField.ServerDefaultSource)
            : found;
    }

    /// <summary>An inheritable field for a subject without a config of its own.</summary>
    public ConfigField Inherited(string field)
    {
        if (context == QualifiedSubject.DefaultContext)
        {
            return global?[field] is { } value ? new(value, GlobalSource)
                : allContexts?[field] is { } fromAll ? new(fromAll, AllContextsSource)
                : new(null, ConfigField.ServerDefaultSource);
        }

        return contextConfig is not null ? new(contextConfig[field], $"context {context}")
            : allContexts is not null ? new(allContexts[field], AllContextsSource)
            : new(null, ConfigField.ServerDefaultSource);
    }
}
