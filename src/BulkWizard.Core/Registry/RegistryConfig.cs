using System.Text.Json.Nodes;

namespace BulkWizard.Core.Registry;

/// <summary>
/// A config body exactly as the registry stores it, every field kept, in the form a <c>PUT /config</c>
/// accepts (the level under <c>compatibility</c>, although reads name it <c>compatibilityLevel</c>).
/// </summary>
/// <remarks>
/// A <c>PUT</c> merges: absent fields keep their stored value and JSON null clears one. To put back a
/// backed-up body exactly, send <see cref="AsReplacement"/>.
/// </remarks>
public sealed record RegistryConfig
{
    /// <summary>Every config field of the registry's API (request spelling), as of 8.x.</summary>
    public static IReadOnlyList<string> KnownFields { get; } =
    [
        "compatibility", "compatibilityPolicy", "compatibilityGroup", "normalize", "validateFields",
        "validateNewSchemas", "validateRules", "alias", "aliasForDeks", "defaultMetadata",
        "overrideMetadata", "defaultRuleSet", "overrideRuleSet",
    ];

    private readonly JsonObject _fields;

    public RegistryConfig(JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = (JsonObject)fields.DeepClone();
    }

    /// <summary>A copy of the body; changing it does not change this config.</summary>
    public JsonObject Fields => (JsonObject)_fields.DeepClone();

    /// <summary>The compatibility level (NONE, BACKWARD, …), or null when the body has none.</summary>
    public string? Compatibility => _fields["compatibility"]?.GetValue<string>();

    public static RegistryConfig WithCompatibility(string level) => new(new JsonObject { ["compatibility"] = level });

    /// <summary>
    /// The same body with every known field this one lacks set to JSON null, so a <c>PUT</c> replaces
    /// the stored config instead of merging into it.
    /// </summary>
    public RegistryConfig AsReplacement()
    {
        var fields = Fields;
        foreach (var name in KnownFields)
        {
            if (!fields.ContainsKey(name))
            {
                fields[name] = null;
            }
        }

        return new RegistryConfig(fields);
    }

    public bool Equals(RegistryConfig? other) => other is not null && JsonNode.DeepEquals(_fields, other._fields);

    public override int GetHashCode() => _fields.Count;

    public override string ToString() => _fields.ToJsonString();
}
