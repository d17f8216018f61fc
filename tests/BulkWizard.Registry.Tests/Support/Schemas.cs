namespace BulkWizard.Registry.Tests.Support;

/// <summary>Registry answers and schemas used across tests.</summary>
internal static class Schemas
{
    public const string Avro = """{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}""";

    public static string Version(string subject, int version, int id, bool? deleted = null) =>
        $$"""{"subject":"{{subject}}","version":{{version}},"id":{{id}},"schema":"{\"type\":\"string\"}"{{(deleted is null ? "" : $",\"deleted\":{deleted.Value.ToString().ToLowerInvariant()}")}}}""";
}
