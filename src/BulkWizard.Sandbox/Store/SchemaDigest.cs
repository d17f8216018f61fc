using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// The registry's schema MD5 (<c>Schema.updateHash</c> and the <c>updateHash</c> of its references,
/// metadata, rule set and rules). No JSON is built: the digest is fed raw pieces in a fixed order,
/// with no separators. Strings are UTF-8; a missing (null) string adds nothing. In order:
/// <list type="number">
/// <item>the schema text as stored (canonical);</item>
/// <item>each reference in list order: name, subject, version as a 4-byte big-endian int;</item>
/// <item>when metadata is present, even empty: byte 1, then each tag path with its values, each
/// property key and value, each sensitive name (paths, keys and names sorted, tag values sorted);</item>
/// <item>when a rule set is present, even empty: byte 1, then the migration, domain and encoding rules
/// in list order, then <c>enableAt</c>. A rule adds name, doc, kind (TRANSFORM when absent), mode
/// (WRITEREAD when absent), type, its sorted tags, its params (sorted keys, key then value), expr,
/// onSuccess, onFailure, and byte 1 when disabled.</item>
/// </list>
/// Sorting is the ordinal (UTF-16) order of Java's TreeMap and TreeSet.
/// </summary>
internal static class SchemaDigest
{
    private static readonly string[] RuleLists = ["migrationRules", "domainRules", "encodingRules"];

    public static byte[] Compute(
        string schema, IReadOnlyList<SchemaReference> references, JsonObject? metadata, JsonObject? ruleSet)
    {
#pragma warning disable CA5351 // MD5 is how the registry identifies schemas, not a security measure.
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        Add(md5, schema);
        Span<byte> version = stackalloc byte[4];
        foreach (var reference in references)
        {
            Add(md5, reference.Name);
            Add(md5, reference.Subject);
            BinaryPrimitives.WriteInt32BigEndian(version, reference.Version);
            md5.AppendData(version);
        }

        if (metadata is not null)
        {
            md5.AppendData([1]);
            AddMetadata(md5, metadata);
        }

        if (ruleSet is not null)
        {
            md5.AppendData([1]);
            AddRuleSet(md5, ruleSet);
        }

        return md5.GetHashAndReset();
    }

    private static void AddMetadata(IncrementalHash md5, JsonObject metadata)
    {
        if (metadata["tags"] is JsonObject tags)
        {
            foreach (var (path, values) in tags.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                Add(md5, path);
                AddSorted(md5, Strings(values));
            }
        }

        if (metadata["properties"] is JsonObject properties)
        {
            AddPairs(md5, properties);
        }

        AddSorted(md5, Strings(metadata["sensitive"]));
    }

    private static void AddRuleSet(IncrementalHash md5, JsonObject ruleSet)
    {
        foreach (var list in RuleLists)
        {
            foreach (var rule in (ruleSet[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                AddRule(md5, rule);
            }
        }

        Add(md5, Text(ruleSet["enableAt"]));
    }

    private static void AddRule(IncrementalHash md5, JsonObject rule)
    {
        Add(md5, Text(rule["name"]));
        Add(md5, Text(rule["doc"]));
        Add(md5, Text(rule["kind"]) ?? "TRANSFORM");
        Add(md5, Text(rule["mode"]) ?? "WRITEREAD");
        Add(md5, Text(rule["type"]));
        AddSorted(md5, Strings(rule["tags"]));
        if (rule["params"] is JsonObject parameters)
        {
            AddPairs(md5, parameters);
        }

        Add(md5, Text(rule["expr"]));
        Add(md5, Text(rule["onSuccess"]));
        Add(md5, Text(rule["onFailure"]));
        if (rule["disabled"] is JsonValue disabled && disabled.GetValueKind() == JsonValueKind.True)
        {
            md5.AppendData([1]);
        }
    }

    private static void AddPairs(IncrementalHash md5, JsonObject pairs)
    {
        foreach (var (key, value) in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add(md5, key);
            Add(md5, Text(value));
        }
    }

    private static void AddSorted(IncrementalHash md5, IEnumerable<string> values)
    {
        foreach (var value in values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Add(md5, value);
        }
    }

    private static void Add(IncrementalHash md5, string? text)
    {
        if (text is not null)
        {
            md5.AppendData(Encoding.UTF8.GetBytes(text));
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Text).OfType<string>() : [];

    /// <summary>A string as is; another scalar as its JSON text (Jackson's coercion to String); null as null.</summary>
    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Null => null,
        _ => node.ToJsonString(),
    };
}
