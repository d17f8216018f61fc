using System.Globalization;
using System.Text.Json;

namespace BulkWizard.Core.Wizard.Texts;

/// <summary>
/// The wizard's question texts and option labels, from resource files: <c>wizard-texts.json</c> for the texts every
/// operation shares, and one <c>*-texts.json</c> per operation in its own folder. Wording lives in these files and
/// tests assert what users see against them. A key is defined once across all of them.
/// </summary>
public static class WizardTexts
{
    private const string ResourcePrefix = "BulkWizard.Core.Texts.";

    private static readonly Dictionary<string, string> Texts = Load();

    /// <summary>The text under <paramref name="key"/>, with <c>{0}</c>… filled from <paramref name="arguments"/>.</summary>
    public static string Get(string key, params object[] arguments) =>
        Texts.TryGetValue(key, out var text)
            ? arguments.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, arguments)
            : throw new KeyNotFoundException($"No *-texts.json file has a text '{key}'.");

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(WizardTexts).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (!names.Contains(ResourcePrefix + "wizard-texts.json"))
        {
            throw new InvalidOperationException("The wizard-texts.json resource is missing from the build.");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
            {
                if (!texts.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"The text '{key}' is defined in both {origin[key][ResourcePrefix.Length..]} and {name[ResourcePrefix.Length..]}.");
                }

                origin[key] = name;
            }
        }

        return texts;
    }
}
