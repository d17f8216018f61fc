using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Tests.Backups.Support;

/// <summary>Builders of registry data and backups with every field set, so a lost field shows in a comparison.</summary>
public static class Some
{
    public static SchemaVersion Version(string subject, int version, int id, bool? deleted = false) =>
        new(
            QualifiedSubject.Parse(subject),
            version,
            id,
            SchemaTypes.Avro,
            $$"""{"type":"record","name":"R{{version}}","fields":[{"name":"a","type":"string"}]}""",
            [new SchemaReference("com.acme.Ref", "ref-value", 2)],
            Metadata(version),
            RuleSet(),
            $"0b7c9a0e-0000-4000-8000-00000000000{version}",
            1_712_345_678_901 + version,
            deleted);

    /// <summary>Keys in an order and spelling (camelCase, colons) that a renaming or sorting serializer would change.</summary>
    public static JsonObject Metadata(int version) => new()
    {
        ["tags"] = new JsonObject { ["zField"] = new JsonArray("PII"), ["aField"] = new JsonArray() },
        ["properties"] = new JsonObject { ["owner"] = "team-a", ["confluent:version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["camelCaseKey"] = "x" },
        ["sensitive"] = new JsonArray("zField"),
    };

    public static JsonObject RuleSet() => JsonNode.Parse(
        """{"domainRules":[{"name":"checkSsn","kind":"CONDITION","mode":"WRITE","type":"CEL","expr":"message.ssn.size() == 9","params":{"maxRetries":"3"},"onFailure":"DLQ","disabled":false}],"migrationRules":[]}""")!.AsObject();

    /// <summary>As read from a registry: the number keeps its text (<c>1.50</c>), which a round trip must not change.</summary>
    public static JsonObject Config() => JsonNode.Parse(
        """{"compatibility":"FULL_TRANSITIVE","normalize":true,"compatibilityGroup":"application.major.version","defaultMetadata":{"properties":{"owner":"team-a"}},"ratio":1.50}""")!.AsObject();

    public static SubjectBackup Subject(string subject, int versions, bool withConfig = true, string? mode = "READONLY") =>
        new(
            subject,
            Enumerable.Range(1, versions).Select(v => Version(subject, v, 100 + v, deleted: v == 1)).ToList(),
            withConfig ? Config() : null,
            mode);

    public static Backup Backup(string id, DateTimeOffset createdAt, params SubjectBackup[] subjects) =>
        new(id, "sandbox", "plan_1", "schema_update", createdAt, subjects);
}
