namespace BulkWizard.Sandbox.Tests.Support;

/// <summary>Avro record texts for tests: a name and "name:type" fields; optional fields get a null default.</summary>
public static class Schemas
{
    public static string Record(string name, params string[] fields) =>
        "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[" + string.Join(",", fields.Select(Field)) + "]}";

    private static string Field(string spec)
    {
        var parts = spec.Split(':', 2);
        return parts[1].StartsWith('?')
            ? "{\"name\":\"" + parts[0] + "\",\"type\":[\"null\",\"" + parts[1][1..] + "\"],\"default\":null}"
            : "{\"name\":\"" + parts[0] + "\",\"type\":" + (parts[1].StartsWith('{') ? parts[1] : "\"" + parts[1] + "\"") + "}";
    }

    /// <summary>A distinct record per call site name: the same name gives the same text.</summary>
    public static string Simple(string name, int fields = 1) =>
        Record(name, Enumerable.Range(1, fields).Select(i => i == 1 ? "f1:string" : $"f{i}:?string").ToArray());
}
