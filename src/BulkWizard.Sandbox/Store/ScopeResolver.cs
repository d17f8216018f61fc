using System.Text.Json.Nodes;
using BulkWizard.Compatibility;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// Effective config and mode of a scope key. Subject → its context (":.ctx:", or the global config
/// for the default context) → ":.__GLOBAL:" → server default; a named context never inherits
/// PUT /config. A subject config takes only the inheritable members from the global config and
/// reports the server default level when it has none.
/// </summary>
internal sealed class ScopeResolver(RegistryState state)
{
    public const string GlobalScope = ":" + QualifiedSubject.GlobalContext + ":";

    public JsonObject EffectiveConfig(string scope)
    {
        var name = QualifiedSubject.Parse(scope);
        if (state.Configs.TryGetValue(scope, out var own))
        {
            var merged = (JsonObject)own.DeepClone();
            if (state.Configs.TryGetValue(string.Empty, out var global) && scope.Length > 0)
            {
                foreach (var field in ConfigFields.Inherited)
                {
                    if (!merged.ContainsKey(field) && global[field] is { } value)
                    {
                        merged[field] = value.DeepClone();
                    }
                }
            }

            return WithLevel(merged);
        }

        foreach (var fallback in new[] { name.ContextKey, GlobalScope })
        {
            if (state.Configs.TryGetValue(fallback, out var config))
            {
                return WithLevel((JsonObject)config.DeepClone());
            }
        }

        return WithLevel([]);
    }

    public CompatibilityLevel EffectiveLevel(string scope) =>
        CompatibilityLevels.Parse(EffectiveConfig(scope)[ConfigFields.CompatibilityLevel]!.GetValue<string>());

    public string EffectiveMode(string scope)
    {
        if (state.Modes.TryGetValue(scope, out var own))
        {
            return own;
        }

        var name = QualifiedSubject.Parse(scope);
        return state.Modes.GetValueOrDefault(name.ContextKey)
            ?? state.Modes.GetValueOrDefault(GlobalScope)
            ?? RegistryModes.ReadWrite;
    }

    /// <summary>The alias target of a subject-level config, qualified with the alias's own context.</summary>
    public string? AliasTarget(string subject) =>
        subject.Length > 0 && state.Configs.TryGetValue(subject, out var config)
            && config[ConfigFields.Alias] is JsonValue alias && alias.TryGetValue<string>(out var target)
            ? QualifiedSubject.Parse(subject).Qualify(target)
            : null;

    public static JsonObject WithLevel(JsonObject config)
    {
        if (config[ConfigFields.CompatibilityLevel] is null)
        {
            config[ConfigFields.CompatibilityLevel] = CompatibilityLevels.ServerDefault.Format();
        }

        return config;
    }
}
