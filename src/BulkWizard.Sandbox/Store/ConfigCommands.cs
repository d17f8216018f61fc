using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// GET/PUT/DELETE of config at a scope key ("" global, ":.ctx:", ":.__GLOBAL:", a subject). PUT
/// merges (absent members kept, JSON null clears); GET answers "compatibilityLevel", PUT answers
/// "compatibility".
/// </summary>
internal sealed class ConfigCommands(RegistryCore core)
{
    public JsonObject Get(string scope, bool defaultToGlobal)
    {
        if (defaultToGlobal)
        {
            return core.Scopes.EffectiveConfig(scope);
        }

        if (core.State.Configs.TryGetValue(scope, out var stored))
        {
            return ScopeResolver.WithLevel((JsonObject)stored.DeepClone());
        }

        return scope.Length == 0
            ? ScopeResolver.WithLevel([])
            : throw RegistryErrors.SubjectLevelConfigNotFound(scope);
    }

    public JsonObject Put(string scope, JsonObject body)
    {
        RequireWritable(scope);
        var merged = core.State.Configs.TryGetValue(scope, out var stored) ? (JsonObject)stored.DeepClone() : [];
        foreach (var (member, value) in body)
        {
            var field = member == "compatibility" ? ConfigFields.CompatibilityLevel : member;
            if (!ConfigFields.All.Contains(field) || (!core.KeepsRuleSets && ConfigFields.RuleSets.Contains(field)))
            {
                continue;
            }

            if (value is null)
            {
                merged.Remove(field);
                continue;
            }

            merged[field] = field switch
            {
                ConfigFields.CompatibilityLevel => Level(value),
                ConfigFields.DefaultMetadata or ConfigFields.OverrideMetadata => Metadata.Normalize(value) is { Count: > 0 } metadata ? metadata : null,
                ConfigFields.DefaultRuleSet or ConfigFields.OverrideRuleSet => ValidRuleSet(value),
                _ => value.DeepClone(),
            };
            if (merged[field] is null)
            {
                merged.Remove(field);
            }
        }

        core.State.Configs[scope] = merged;
        if (core.EchoesConfigWrites)
        {
            return (JsonObject)body.DeepClone();
        }

        var response = (JsonObject)merged.DeepClone();
        if (response.Remove(ConfigFields.CompatibilityLevel, out var level))
        {
            response["compatibility"] = level;
        }

        return response;
    }

    public JsonObject Delete(string scope)
    {
        RequireWritable(scope);
        if (!core.State.Configs.Remove(scope, out var old))
        {
            return scope.Length == 0 ? ScopeResolver.WithLevel([]) : throw RegistryErrors.SubjectNotFound(scope);
        }

        return ScopeResolver.WithLevel(old);
    }

    private void RequireWritable(string scope)
    {
        if (RegistryModes.IsReadOnly(core.Scopes.EffectiveMode(scope)))
        {
            throw RegistryErrors.OperationNotPermitted($"Subject {scope} is in read-only mode");
        }
    }

    private static JsonValue Level(JsonNode value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && CompatibilityLevels.TryParse(text, out var level)
            ? JsonValue.Create(level.Format())
            : throw RegistryErrors.InvalidCompatibilityLevel();

    private static JsonObject? ValidRuleSet(JsonNode value)
    {
        var ruleSet = RuleSets.Normalize(value);
        RuleSets.Validate(ruleSet);
        return ruleSet is { Count: > 0 } ? ruleSet : null;
    }
}
