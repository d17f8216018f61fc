using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BulkWizard.Compatibility.Avro;

/// <summary>
/// Writes a parsed schema the way the registry returns it: Java Avro's compact <c>Schema.toString</c>,
/// attribute order included, with named types from referenced schemas written as names.
/// </summary>
internal sealed class AvroCanonicalWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly HashSet<string> written;
    private string? space;

    private AvroCanonicalWriter(IEnumerable<string> knownNames) =>
        written = new HashSet<string>(knownNames, StringComparer.Ordinal);

    public static string Write(AvroType type, IEnumerable<string> knownNames)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            new AvroCanonicalWriter(knownNames).WriteType(writer, type);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void WriteType(Utf8JsonWriter w, AvroType type)
    {
        switch (type)
        {
            case AvroPrimitive p when p.Props.Count == 0:
                w.WriteStringValue(p.Name);
                break;
            case AvroPrimitive p:
                w.WriteStartObject();
                w.WriteString("type", p.Name);
                WriteProps(w, p.Props);
                w.WriteEndObject();
                break;
            case AvroUnion u:
                w.WriteStartArray();
                foreach (var branch in u.Branches)
                {
                    WriteType(w, branch);
                }

                w.WriteEndArray();
                break;
            case AvroArray a:
                WriteContainer(w, "array", "items", a.Items, a.Props);
                break;
            case AvroMap m:
                WriteContainer(w, "map", "values", m.Values, m.Props);
                break;
            case AvroNamedType named when !written.Add(named.FullName):
                w.WriteStringValue(named.QualifiedIn(space));
                break;
            case AvroRecord r:
                WriteRecord(w, r);
                break;
            case AvroEnum e:
                WriteEnum(w, e);
                break;
            case AvroFixed f:
                w.WriteStartObject();
                w.WriteString("type", "fixed");
                WriteName(w, f);
                WriteDoc(w, f.Doc);
                w.WriteNumber("size", f.Size);
                WriteProps(w, f.Props);
                WriteAliases(w, f.Aliases);
                w.WriteEndObject();
                break;
        }
    }

    private void WriteRecord(Utf8JsonWriter w, AvroRecord r)
    {
        w.WriteStartObject();
        w.WriteString("type", r.IsError ? "error" : "record");
        WriteName(w, r);
        var saved = space;
        space = r.Namespace;
        WriteDoc(w, r.Doc);
        w.WriteStartArray("fields");
        foreach (var field in r.Fields)
        {
            w.WriteStartObject();
            w.WriteString("name", field.Name);
            w.WritePropertyName("type");
            WriteType(w, field.Type);
            WriteDoc(w, field.Doc);
            if (field.Default is { } value)
            {
                w.WritePropertyName("default");
                value.WriteTo(w);
            }

            if (field.Order is not null and not "ascending")
            {
                w.WriteString("order", field.Order);
            }

            WriteAliases(w, field.Aliases);
            WriteProps(w, field.Props);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteProps(w, r.Props);
        WriteAliases(w, r.Aliases);
        space = saved;
        w.WriteEndObject();
    }

    private void WriteEnum(Utf8JsonWriter w, AvroEnum e)
    {
        w.WriteStartObject();
        w.WriteString("type", "enum");
        WriteName(w, e);
        WriteDoc(w, e.Doc);
        w.WriteStartArray("symbols");
        foreach (var symbol in e.Symbols)
        {
            w.WriteStringValue(symbol);
        }

        w.WriteEndArray();
        WriteProps(w, e.Props);
        WriteAliases(w, e.Aliases);
        if (e.DefaultSymbol is not null)
        {
            w.WriteString("default", e.DefaultSymbol);
        }

        w.WriteEndObject();
    }

    private void WriteName(Utf8JsonWriter w, AvroNamedType named)
    {
        w.WriteString("name", named.Name);
        if (named.Namespace is not null)
        {
            if (!string.Equals(named.Namespace, space, StringComparison.Ordinal))
            {
                w.WriteString("namespace", named.Namespace);
            }
        }
        else if (space is not null)
        {
            w.WriteString("namespace", string.Empty);
        }
    }

    private static void WriteDoc(Utf8JsonWriter w, string? doc)
    {
        if (doc is not null)
        {
            w.WriteString("doc", doc);
        }
    }

    private static void WriteAliases(Utf8JsonWriter w, IReadOnlyList<string> aliases)
    {
        if (aliases.Count == 0)
        {
            return;
        }

        w.WriteStartArray("aliases");
        foreach (var alias in aliases)
        {
            w.WriteStringValue(alias);
        }

        w.WriteEndArray();
    }

    /// <summary>Arrays and maps: the type name, the one nested type under its member, then custom properties.</summary>
    private void WriteContainer(Utf8JsonWriter w, string type, string member, AvroType nested, IReadOnlyList<KeyValuePair<string, JsonElement>> props)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WritePropertyName(member);
        WriteType(w, nested);
        WriteProps(w, props);
        w.WriteEndObject();
    }

    private static void WriteProps(Utf8JsonWriter w, IReadOnlyList<KeyValuePair<string, JsonElement>> props)
    {
        foreach (var (key, value) in props)
        {
            w.WritePropertyName(key);
            value.WriteTo(w);
        }
    }
}
