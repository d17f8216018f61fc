using System.Globalization;
using System.Text.Json;

namespace BulkWizard.Core.Wizard.Texts;

/// <summary>
/// The wizard's question texts and option labels, from the one resource file <c>wizard-texts.json</c>,
/// so wording lives in one place and tests assert what users see against it.
/// </summary>
public static class WizardTexts
{
    private static readonly Dictionary<string, string> Texts = Load();

    /// <summary>The text under <paramref name="key"/>, with <c>{0}</c>… filled from <paramref name="arguments"/>.</summary>
    public static string Get(string key, params object[] arguments) =>
        Texts.TryGetValue(key, out var text)
            ? arguments.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, arguments)
            : throw new KeyNotFoundException($"wizard-texts.json has no text '{key}'.");

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(WizardTexts).Assembly.GetManifestResourceStream("BulkWizard.Core.Wizard.Texts.wizard-texts.json")
            ?? throw new InvalidOperationException("The wizard-texts.json resource is missing from the build.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }
}
