using System.Text.Json.Nodes;
using BulkWizard.Compatibility;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// The JSON the registry answers for schemas, per profile: 8.x always writes schemaType and adds
/// guid, ts and deleted; 7.6 omits schemaType for Avro and knows none of the three. Empty members
/// are omitted (Jackson NON_EMPTY).
/// </summary>
internal sealed class SchemaViews(SandboxProfile profile)
{
    private bool Is8x => profile != SandboxProfile.Platform76;

    /// <summary>A subject version: GET …/versions/{v}, lookups, /schemas items.</summary>
    public JsonObject Version(SubjectState subject, SubjectVersion version, StoredSchema schema)
    {
        var json = new JsonObject
        {
            ["subject"] = subject.Key,
            ["version"] = version.Version,
            ["id"] = schema.Id,
        };
        if (Is8x)
        {
            json["guid"] = schema.Identity.Guid;
        }

        AddBody(json, schema);
        if (Is8x)
        {
            json["ts"] = version.Timestamp;
            json["deleted"] = version.Deleted;
        }

        return json;
    }

    /// <summary>GET /schemas/ids/{id}; with a subject (8.x) also the subject and version it was found under.</summary>
    public JsonObject ById(StoredSchema schema, SubjectVersionKey? foundUnder, SubjectVersion? version)
    {
        var json = new JsonObject();
        AddBody(json, schema);
        if (Is8x)
        {
            json["guid"] = schema.Identity.Guid;
            if (version is not null)
            {
                json["ts"] = version.Timestamp;
                json["deleted"] = version.Deleted;
            }

            if (foundUnder is { } key)
            {
                json["subject"] = key.Subject;
                json["version"] = key.Version;
            }
        }

        return json;
    }

    /// <summary>POST …/versions: {"id"} in 7.6; the whole registered schema in 8.x.</summary>
    public JsonObject Registered(SubjectState subject, SubjectVersion version, StoredSchema schema) =>
        Is8x ? Version(subject, version, schema) : new JsonObject { ["id"] = schema.Id };

    private void AddBody(JsonObject json, StoredSchema schema)
    {
        if (Is8x || schema.SchemaType != SchemaTypes.Avro)
        {
            json["schemaType"] = schema.SchemaType;
        }

        json["schema"] = schema.Schema;
        if (schema.References.Count > 0)
        {
            json["references"] = new JsonArray(schema.References
                .Select(r => (JsonNode?)new JsonObject { ["name"] = r.Name, ["subject"] = r.Subject, ["version"] = r.Version })
                .ToArray());
        }

        if (schema.Metadata is { Count: > 0 })
        {
            json["metadata"] = schema.Metadata.DeepClone();
        }

        if (schema.RuleSet is { Count: > 0 })
        {
            json["ruleSet"] = schema.RuleSet.DeepClone();
        }
    }
}
