using BulkWizard.Core.Operations;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// The mode question and its values: READWRITE, READONLY and IMPORT at every scope, and <c>inherit</c> (clear the scope's
/// own mode) where a scope can have none; the registry always answers a mode for <c>/mode</c>, so the default context
/// has nothing of its own to clear. READONLY_OVERRIDE (deprecated, acts as READONLY) and FORWARD (8.1+, global context
/// only) are not offered.
/// </summary>
internal static class ModeSteps
{
    public const string OptionsStep = ConfigurationKeys.OptionsStep;

    public static IReadOnlyList<string> Modes { get; } = [ConfigurationKeys.ReadWrite, ConfigurationKeys.ReadOnly, ConfigurationKeys.Import, ConfigurationKeys.Inherit];

    /// <summary>The mode as the answers keep it: a mode name in capitals, or <c>inherit</c>.</summary>
    public static string Normalize(string mode) =>
        string.Equals(mode, ConfigurationKeys.Inherit, StringComparison.OrdinalIgnoreCase) ? ConfigurationKeys.Inherit : mode.ToUpperInvariant();

    /// <summary>Why <paramref name="mode"/> cannot be set at <paramref name="scope"/> (null: not known yet); null when it can.</summary>
    public static string? Problem(string mode, string? scope) => Normalize(mode) switch
    {
        "READONLY_OVERRIDE" => "mode: 'READONLY_OVERRIDE' is deprecated and acts as READONLY: use READONLY.",
        "FORWARD" => $"mode: 'FORWARD' (registries 8.1 and later, global context only) is not offered; use one of {string.Join(", ", Modes)}.",
        var m when !Modes.Contains(m) => OperationArguments.NotAllowed("mode", mode, Modes),
        ConfigurationKeys.Inherit when scope == ConfigurationKeys.DefaultContext =>
            "mode: 'inherit' is not allowed for scope 'default_context': the registry always answers a mode for /mode (READWRITE when none is set), so it has none of its own to clear; use READWRITE.",
        _ => null,
    };

    public static Question Question(string? scope) => new(ModeSteps.OptionsStep, WizardTexts.Get("configuration_mode_options"),
    [
        new Field(ConfigurationKeys.Mode, FieldKind.Choice, WizardTexts.Get("configuration_mode_field"))
        {
            Options = [.. Modes.Where(m => Problem(m, scope) is null).Select(m => new ChoiceOption(m, WizardTexts.Get("configuration_mode_" + m.ToLowerInvariant())))],
        },
        new Field(ConfigurationKeys.Force, FieldKind.Boolean, WizardTexts.Get("configuration_force"))
        {
            Description = WizardTexts.Get("configuration_force_description"),
            Default = true,
            Required = false,
        },
    ]);
}
