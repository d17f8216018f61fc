using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

/// <summary>
/// Parses Avro schema JSON with the checks the registry's Java parser makes (names, undefined or
/// redefined types, unions, enum symbols, field defaults). Named types defined by earlier calls stay
/// known, which is how referenced schemas are made visible to the schema that references them.
/// </summary>
internal sealed class AvroSchemaParser
{
    private static readonly HashSet<string> SchemaReserved = new(StringComparer.Ordinal)
    {
        "doc", "fields", "items", "name", "namespace", "size", "symbols", "values", "type", "aliases",
    };

    private static readonly HashSet<string> FieldReserved = new(StringComparer.Ordinal)
    {
        "default", "doc", "name", "order", "type", "aliases",
    };

    private readonly Dictionary<string, AvroNamedType> names = new(StringComparer.Ordinal);

    /// <summary>Full names of every named type parsed so far.</summary>
    public IReadOnlyCollection<string> DefinedNames => names.Keys;

    public AvroType Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidSchemaException($"Invalid schema: {ex.Message}", ex);
        }

        using (document)
        {
            return ParseType(document.RootElement, null);
        }
    }

    private AvroType ParseType(JsonElement node, string? space) => node.ValueKind switch
    {
        JsonValueKind.String => ParseName(node.GetString()!, space),
        JsonValueKind.Array => ParseUnion(node, space),
        JsonValueKind.Object => ParseObject(node, space),
        _ => throw new InvalidSchemaException($"Schema not yet supported: {node.GetRawText()}"),
    };

    private AvroType ParseName(string name, string? space)
    {
        if (AvroPrimitive.Names.Contains(name))
        {
            return new AvroPrimitive(name, []);
        }

        if (!name.Contains('.', StringComparison.Ordinal) && space is not null
            && names.TryGetValue(space + "." + name, out var inSpace))
        {
            return inSpace;
        }

        return names.TryGetValue(name, out var named)
            ? named
            : throw new InvalidSchemaException($"Undefined name: \"{name}\"");
    }

    private AvroUnion ParseUnion(JsonElement node, string? space)
    {
        var branches = new List<AvroType>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in node.EnumerateArray())
        {
            var branch = ParseType(item, space);
            if (branch is AvroUnion)
            {
                throw new InvalidSchemaException("Nested union: " + node.GetRawText());
            }

            if (!seen.Add(branch.TypeName))
            {
                throw new InvalidSchemaException("Duplicate in union: " + branch.TypeName);
            }

            branches.Add(branch);
        }

        return new AvroUnion(branches);
    }

    private AvroType ParseObject(JsonElement node, string? space)
    {
        if (!node.TryGetProperty("type", out var typeNode))
        {
            throw new InvalidSchemaException("No type: " + node.GetRawText());
        }

        if (typeNode.ValueKind != JsonValueKind.String)
        {
            return ParseType(typeNode, space);
        }

        var type = typeNode.GetString()!;
        return type switch
        {
            "record" or "error" => ParseRecord(node, space, type == "error"),
            "enum" => ParseEnum(node, space),
            "fixed" => ParseFixed(node, space),
            "array" => new AvroArray(ParseType(Required(node, "items"), space), Props(node, SchemaReserved)),
            "map" => new AvroMap(ParseType(Required(node, "values"), space), Props(node, SchemaReserved)),
            _ when AvroPrimitive.Names.Contains(type) => new AvroPrimitive(type, Props(node, SchemaReserved)),
            _ => ParseName(type, space),
        };
    }

    private AvroRecord ParseRecord(JsonElement node, string? space, bool isError)
    {
        var (name, ns) = NameOf(node, space);
        var record = Define(new AvroRecord(name, ns, Doc(node), Aliases(node), Props(node, SchemaReserved), isError));
        var fieldsNode = Required(node, "fields");
        if (fieldsNode.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidSchemaException("Record has no fields: " + node.GetRawText());
        }

        foreach (var fieldNode in fieldsNode.EnumerateArray())
        {
            var field = ParseField(fieldNode, ns);
            if (record.FindField(field.Name) is not null)
            {
                throw new InvalidSchemaException($"Duplicate field {field.Name} in record {record.FullName}");
            }

            record.Fields.Add(field);
        }

        return record;
    }

    private AvroField ParseField(JsonElement node, string? space)
    {
        var name = RequiredString(node, "name");
        if (!AvroNames.IsValidName(name))
        {
            throw new InvalidSchemaException($"Illegal field name: {name}");
        }

        var type = ParseType(Required(node, "type"), space);
        JsonElement? defaultValue = node.TryGetProperty("default", out var d) ? d.Clone() : null;
        if (defaultValue is { } value && !AvroDefaults.IsValid(type, value))
        {
            throw new InvalidSchemaException($"Invalid default for field {name}: {value.GetRawText()} not a {type.TypeName}");
        }

        var order = OptionalString(node, "order");
        if (order is not null and not ("ascending" or "descending" or "ignore"))
        {
            throw new InvalidSchemaException($"Illegal order: {order}");
        }

        return new AvroField(name, type, Doc(node), defaultValue, order, Aliases(node), Props(node, FieldReserved));
    }

    private AvroEnum ParseEnum(JsonElement node, string? space)
    {
        var (name, ns) = NameOf(node, space);
        var symbolsNode = Required(node, "symbols");
        if (symbolsNode.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidSchemaException("Enum symbols must be an array: " + node.GetRawText());
        }

        var symbols = new List<string>();
        foreach (var symbol in symbolsNode.EnumerateArray())
        {
            var text = symbol.ValueKind == JsonValueKind.String ? symbol.GetString()! : string.Empty;
            if (!AvroNames.IsValidName(text) || symbols.Contains(text))
            {
                throw new InvalidSchemaException($"Illegal or duplicate enum symbol: {symbol.GetRawText()}");
            }

            symbols.Add(text);
        }

        var defaultSymbol = OptionalString(node, "default");
        if (defaultSymbol is not null && !symbols.Contains(defaultSymbol))
        {
            throw new InvalidSchemaException($"The Enum Default: {defaultSymbol} is not in the enum symbol set: [{string.Join(", ", symbols)}]");
        }

        var props = Props(node, SchemaReserved).Where(p => p.Key != "default").ToList();
        return Define(new AvroEnum(name, ns, Doc(node), Aliases(node), props, symbols, defaultSymbol));
    }

    private AvroFixed ParseFixed(JsonElement node, string? space)
    {
        var (name, ns) = NameOf(node, space);
        var sizeNode = Required(node, "size");
        if (sizeNode.ValueKind != JsonValueKind.Number || !sizeNode.TryGetInt32(out var size) || size < 0)
        {
            throw new InvalidSchemaException("Invalid or no size: " + node.GetRawText());
        }

        return Define(new AvroFixed(name, ns, Doc(node), Aliases(node), Props(node, SchemaReserved), size));
    }

    private T Define<T>(T named)
        where T : AvroNamedType
    {
        if (AvroPrimitive.Names.Contains(named.Name) && named.Namespace is null)
        {
            throw new InvalidSchemaException($"Schemas may not be named after primitives: {named.Name}");
        }

        return names.TryAdd(named.FullName, named)
            ? named
            : throw new InvalidSchemaException($"Can't redefine: {named.FullName}");
    }

    private static (string Name, string? Space) NameOf(JsonElement node, string? space)
    {
        var name = OptionalString(node, "name") ?? throw new InvalidSchemaException("No name in schema: " + node.GetRawText());
        var declared = node.TryGetProperty("namespace", out var ns) && ns.ValueKind == JsonValueKind.String
            ? ns.GetString()
            : space;
        return AvroNames.Split(name, declared);
    }

    private static JsonElement Required(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value)
            ? value
            : throw new InvalidSchemaException($"No {property} in: {node.GetRawText()}");

    private static string RequiredString(JsonElement node, string property) =>
        OptionalString(node, property) ?? throw new InvalidSchemaException($"No {property} in: {node.GetRawText()}");

    private static string? OptionalString(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Doc(JsonElement node) => OptionalString(node, "doc");

    private static List<string> Aliases(JsonElement node) =>
        node.TryGetProperty("aliases", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList()
            : [];

    private static List<KeyValuePair<string, JsonElement>> Props(JsonElement node, HashSet<string> reserved) =>
        node.EnumerateObject()
            .Where(p => !reserved.Contains(p.Name))
            .Select(p => new KeyValuePair<string, JsonElement>(p.Name, p.Value.Clone()))
            .ToList();
}
