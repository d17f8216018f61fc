using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Demo;

/// <summary>
/// Seeds the demo registry through the same operations the HTTP API runs (config, register with
/// compatibility checks, deletes, mode), so it holds only what a real registry could hold.
/// Deterministic: the same subjects, versions and ids every time.
/// </summary>
internal static class DemoData
{
    public static readonly IReadOnlyDictionary<string, string> CompatibilityOverrides = new Dictionary<string, string>
    {
        ["payments-value"] = "FULL",
        ["clicks-value"] = "NONE",
        ["audit-log-value"] = "FORWARD_TRANSITIVE",
        ["users-value"] = "FULL_TRANSITIVE",
        ["refunds-value"] = "FORWARD",
        ["test-subject-03"] = "BACKWARD_TRANSITIVE",
        ["test-subject-04"] = "NONE",
        [":.prod:"] = "FULL",
    };

    public const string ReadOnlySubject = "test-subject-07";

    public const string SoftDeletedSubject = "deprecated-old-events-value";

    public static readonly (string Subject, int Version)[] SoftDeletedVersions = [("sessions-value", 1), ("test-subject-02", 1)];

    public static void Seed(RegistryStore store) => store.Write(core =>
    {
        var config = new ConfigCommands(core);
        foreach (var (scope, level) in CompatibilityOverrides)
        {
            config.Put(scope, new JsonObject { ["compatibility"] = level });
        }

        var registration = new Registration(core);
        foreach (var subject in DemoCatalog.Subjects())
        {
            for (var version = 1; version <= subject.Versions; version++)
            {
                var references = subject.References.Select(r => new JsonObject
                {
                    ["name"] = r.Name, ["subject"] = r.Subject, ["version"] = r.Version,
                });
                var body = new JsonObject
                {
                    ["schema"] = DemoSchema.Record(subject.RecordName, subject.Namespace, version, subject.Fields),
                    ["references"] = new JsonArray(references.ToArray<JsonNode?>()),
                };
                if (subject.Properties is { } properties)
                {
                    body["metadata"] = new JsonObject
                    {
                        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
                    };
                }

                registration.Register(subject.Subject, RegisterRequest.From(body), force: false);
            }
        }

        SeedJsonSubject(registration);
        var deletion = new Deletion(core);
        foreach (var (subject, version) in SoftDeletedVersions)
        {
            deletion.DeleteVersion(subject, version.ToString(System.Globalization.CultureInfo.InvariantCulture), permanent: false);
        }

        deletion.DeleteSubject(SoftDeletedSubject, permanent: false);
        new ModeCommands(core).Put(ReadOnlySubject, new JsonObject { ["mode"] = RegistryModes.ReadOnly }, force: false);
        return 0;
    });

    private static void SeedJsonSubject(Registration registration)
    {
        string[] versions =
        [
            """{"type":"object","properties":{"page":{"type":"string"}}}""",
            """{"type":"object","properties":{"page":{"type":"string"},"referrer":{"type":"string"}}}""",
        ];
        foreach (var schema in versions)
        {
            registration.Register("web-events-value",
                RegisterRequest.From(new JsonObject { ["schema"] = schema, ["schemaType"] = SchemaTypes.Json }), force: false);
        }
    }
}
