using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// Where a configuration applies (<c>scope</c>): the subjects a pattern selects, one named context (<c>/config/:.ctx:</c>,
/// <c>/mode/:.ctx:</c>), the default context (<c>/config</c>, <c>/mode</c>, which a named context never inherits), or every
/// context (<c>:.__GLOBAL:</c>, the only scope that reaches them all).
/// </summary>
internal static class ConfigurationScopes
{
    /// <summary>The registry's context of registry-wide settings, <c>:.__GLOBAL:</c>.</summary>
    public const string AllContextsName = ".__GLOBAL";

    public static IReadOnlyList<string> Values { get; } =
        [ConfigurationKeys.Subjects, ConfigurationKeys.ContextScope, ConfigurationKeys.DefaultContext, ConfigurationKeys.AllContexts];

    public static RegistryScope AllContexts { get; } = RegistryScope.ForContext(AllContextsName);

    public static ChoiceOption Option(string scope) =>
        new(scope, WizardTexts.Get("configuration_scope_" + scope), WizardTexts.Get("configuration_scope_" + scope + "_description"));

    /// <summary>The one registry scope of a scope other than <c>subjects</c>; <paramref name="context"/> is checked already.</summary>
    public static RegistryScope Of(string scope, string? context) => scope switch
    {
        ConfigurationKeys.ContextScope => RegistryScope.ForContext(Normalize(context!)),
        ConfigurationKeys.DefaultContext => RegistryScope.Global,
        ConfigurationKeys.AllContexts => AllContexts,
        _ => throw new WizardInputException(OperationArguments.NotAllowed("scope", scope, Values)),
    };

    /// <summary>How titles name a scope, e.g. <c>context .staging</c>.</summary>
    public static string Describe(string scope, string? context, string? selection) => scope switch
    {
        ConfigurationKeys.ContextScope => $"context {Normalize(context!)}",
        ConfigurationKeys.DefaultContext => "the default context",
        ConfigurationKeys.AllContexts => "all contexts (:.__GLOBAL:)",
        _ => selection ?? "the selected subjects",
    };

    /// <summary><c>.staging</c> for <c>staging</c>, <c>.staging</c> or <c>:.staging:</c>.</summary>
    public static string Normalize(string context)
    {
        var trimmed = context.Trim();
        trimmed = trimmed.StartsWith(':') && trimmed.EndsWith(':') && trimmed.Length >= 2 ? trimmed[1..^1] : trimmed;
        return trimmed.StartsWith('.') ? trimmed : "." + trimmed;
    }

    /// <summary>Why <paramref name="context"/> cannot name a context scope; null when it can.</summary>
    public static string? ContextProblem(string context)
    {
        var name = Normalize(context);
        return name switch
        {
            "." => $"context: '{context}' is the default context: use scope '{ConfigurationKeys.DefaultContext}'.",
            AllContextsName => $"context: '{context}' holds the settings of every context: use scope '{ConfigurationKeys.AllContexts}'.",
            _ when name.Length < 2 || name.Contains(':', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace) =>
                $"context: '{context}' is not a context name: give one such as .staging (or :.staging:).",
            _ => null,
        };
    }
}
