using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Demo;

/// <summary>
/// Demo Avro records that evolve the way teams usually evolve them: each later version adds one
/// optional field with a default, which every compatibility level accepts.
/// </summary>
internal static class DemoSchema
{
    public static string Record(string name, string space, int version, params string[] baseFields)
    {
        var fields = new JsonArray(
            new JsonObject { ["name"] = "id", ["type"] = "string" },
            new JsonObject { ["name"] = "createdAt", ["type"] = new JsonObject { ["type"] = "long", ["logicalType"] = "timestamp-millis" } });
        foreach (var field in baseFields)
        {
            fields.Add(Field(field));
        }

        for (var v = 2; v <= version; v++)
        {
            fields.Add(new JsonObject
            {
                ["name"] = "note" + v,
                ["type"] = new JsonArray("null", "string"),
                ["default"] = null,
            });
        }

        return new JsonObject { ["type"] = "record", ["name"] = name, ["namespace"] = space, ["fields"] = fields }.ToJsonString();
    }

    /// <summary>"name:type" or "name:type:ref" where ref is a referenced named type.</summary>
    private static JsonObject Field(string spec)
    {
        var parts = spec.Split(':');
        return new JsonObject { ["name"] = parts[0], ["type"] = parts[1] };
    }
}
