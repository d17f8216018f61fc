using System.Text.Json.Nodes;

namespace BulkWizard.Core.Wizard;

/// <summary>The validated answers of one wizard session, by field key, in their stored JSON form.</summary>
public sealed class WizardAnswers
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => _values.Keys;

    public bool Has(string key) => _values.ContainsKey(key);

    public void Set(string key, JsonNode? value) => _values[key] = value?.DeepClone();

    public void Remove(string key) => _values.Remove(key);

    public string? GetString(string key) =>
        _values.TryGetValue(key, out var node) && node is JsonValue value ? value.ToString() : null;

    public IReadOnlyList<string> GetStrings(string key) => _values.TryGetValue(key, out var node) switch
    {
        true when node is JsonArray array => [.. array.Select(n => n!.GetValue<string>())],
        true when node is JsonValue value => [value.ToString()],
        _ => [],
    };

    public double? GetNumber(string key) =>
        _values.TryGetValue(key, out var node) && node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    public int? GetInt(string key) => GetNumber(key) is { } number ? (int)number : null;

    public bool? GetBool(string key) =>
        _values.TryGetValue(key, out var node) && node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    public JsonObject ToJson()
    {
        var json = new JsonObject();
        foreach (var (key, value) in _values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[key] = value?.DeepClone();
        }

        return json;
    }

    public override string ToString() => ToJson().ToJsonString();
}
