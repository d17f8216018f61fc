using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

/// <summary>A record, enum or fixed: it has a name, a namespace (null when empty) and aliases.</summary>
internal abstract class AvroNamedType(
    string name,
    string? space,
    string? doc,
    IReadOnlyList<string> aliases,
    IReadOnlyList<KeyValuePair<string, JsonElement>> props)
    : AvroType(props)
{
    public string Name { get; } = name;

    public string? Namespace { get; } = space;

    public string FullName => Namespace is null ? Name : Namespace + "." + Name;

    public string? Doc { get; } = doc;

    public IReadOnlyList<string> Aliases { get; } = aliases;

    public override string TypeName => FullName;

    /// <summary>The name as written inside <paramref name="currentSpace"/>: short when the namespace matches.</summary>
    public string QualifiedIn(string? currentSpace) =>
        Namespace is null || string.Equals(Namespace, currentSpace, StringComparison.Ordinal) ? Name : FullName;
}
