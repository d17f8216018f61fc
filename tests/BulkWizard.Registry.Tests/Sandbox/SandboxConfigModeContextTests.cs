using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using BulkWizard.Sandbox;
using SchemaRegistryException = Confluent.SchemaRegistry.SchemaRegistryException;

namespace BulkWizard.Registry.Tests.Sandbox;

/// <summary>Config, mode, contexts and IMPORT through the gateway against the Sandbox, on every profile.</summary>
public sealed class SandboxConfigModeContextTests(SandboxGateways sandboxes) : IClassFixture<SandboxGateways>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task SubjectConfig_InheritedIsNull_FullBodyRoundTrips_DeleteRestoresInheritance(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var scope = RegistryScope.ForSubject(QualifiedSubject.Parse(Some.Subject("config")));
        var body = new RegistryConfig(JsonNode.Parse("""{"compatibility":"FULL_TRANSITIVE","normalize":true,"defaultMetadata":{"properties":{"owner":"payments"}}}""")!.AsObject());

        var inherited = await gateway.GetConfigAsync(scope, None);
        await gateway.PutConfigAsync(scope, body.AsReplacement(), None);
        var stored = await gateway.GetConfigAsync(scope, None);
        var removed = await gateway.DeleteConfigAsync(scope, None);

        Assert.Null(inherited);
        Assert.Equal("FULL_TRANSITIVE", stored!.Compatibility);
        Assert.True(stored.Fields["normalize"]!.GetValue<bool>());
        Assert.Equal("payments", stored.Fields["defaultMetadata"]!["properties"]!["owner"]!.GetValue<string>());
        Assert.Equal(stored, removed);
        Assert.Null(await gateway.GetConfigAsync(scope, None));
        Assert.Null(await gateway.DeleteConfigAsync(scope, None));
        Assert.NotNull((await gateway.GetConfigAsync(RegistryScope.Global, None))!.Compatibility);
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task PutConfig_AsReplacement_ClearsWhatTheBackupLacks(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var scope = RegistryScope.ForSubject(QualifiedSubject.Parse(Some.Subject("replace")));
        await gateway.PutConfigAsync(scope, new RegistryConfig(JsonNode.Parse("""{"compatibility":"NONE","normalize":true}""")!.AsObject()), None);

        await gateway.PutConfigAsync(scope, RegistryConfig.WithCompatibility("FORWARD").AsReplacement(), None);
        var stored = await gateway.GetConfigAsync(scope, None);

        Assert.Equal("FORWARD", stored!.Compatibility);
        Assert.Null(stored.Fields["normalize"]);
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task ContextConfig_IsItsOwnScope(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var scope = RegistryScope.ForContext(Some.Context("cfg"));

        Assert.Null(await gateway.GetConfigAsync(scope, None));
        await gateway.PutConfigAsync(scope, RegistryConfig.WithCompatibility("NONE"), None);
        Assert.Equal("NONE", (await gateway.GetConfigAsync(scope, None))!.Compatibility);
        Assert.NotNull(await gateway.DeleteConfigAsync(scope, None));
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task SubjectMode_ReadOnlyRefusesNewSchemas_DeleteRestoresInheritance(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var subject = QualifiedSubject.Parse(Some.Subject("mode"));
        var scope = RegistryScope.ForSubject(subject);

        var inherited = await gateway.GetModeAsync(scope, None);
        var set = await gateway.SetModeAsync(scope, RegistryMode.ReadOnly, force: false, None);
        var refused = await Assert.ThrowsAsync<SchemaRegistryException>(() => gateway.RegisterAsync(subject, new RegisterSchemaRequest(Some.AvroRecord("Mode", "a")), None));
        var removed = await gateway.DeleteModeAsync(scope, None);

        Assert.Null(inherited);
        Assert.Equal(RegistryMode.ReadOnly, set);
        Assert.Equal(RegistryErrorCodes.OperationNotPermitted, refused.ErrorCode);
        Assert.Equal(RegistryMode.ReadOnly, removed);
        Assert.Null(await gateway.GetModeAsync(scope, None));
        Assert.Null(await gateway.DeleteModeAsync(scope, None));
        Assert.Equal(RegistryMode.ReadWrite, await gateway.GetModeAsync(RegistryScope.Global, None));
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task Import_KeepsIdAndVersion_AndLaterIdsContinueAboveIt(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var context = Some.Context("imp");
        var imported = new QualifiedSubject(context, "orders");
        var contextScope = RegistryScope.ForContext(context);

        await gateway.SetModeAsync(contextScope, RegistryMode.Import, force: false, None);
        var schema = new RegisterSchemaRequest(Some.AvroRecord("Imp", "a"), SchemaTypes.Avro, Id: 5000, Version: 3);
        var result = await gateway.RegisterAsync(imported, schema, None);
        await gateway.DeleteModeAsync(contextScope, None);
        var read = await gateway.GetVersionAsync(imported, 3, includeDeleted: false, None);
        var next = await gateway.RegisterAsync(new QualifiedSubject(context, "payments"), new RegisterSchemaRequest(Some.AvroRecord("Imp", "b")), None);

        Assert.Equal((WriteOutcome.Applied, 5000), (result.Outcome, result.Value!.Id));
        Assert.Equal((5000, 3), (read!.Id, read.Version));
        Assert.Equal(5001, next.Value!.Id);
        Assert.Equal([3], await gateway.ListVersionsAsync(imported, DeletedFilter.LiveOnly, None));
        Assert.Equal(read.Schema, (await gateway.GetSchemaByIdAsync(5000, QualifiedSubject.ContextOnly(context), None))!.Schema);
        Assert.Null(await gateway.GetSchemaByIdAsync(5000, null, None));
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task Import_ABackedUpVersion_RestoresItExactly(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var subject = QualifiedSubject.Parse(Some.Subject("restore"));
        var metadata = JsonNode.Parse("""{"properties":{"owner":"team-a"}}""")!.AsObject();
        await gateway.RegisterAsync(subject, new RegisterSchemaRequest(Some.AvroRecord("Restore", "a"), Metadata: metadata), None);
        var backup = (await gateway.GetVersionAsync(subject, 1, includeDeleted: false, None))!;
        await gateway.DeleteSubjectAsync(subject, DeleteKind.Soft, None);
        await gateway.DeleteSubjectAsync(subject, DeleteKind.Permanent, None);

        await gateway.SetModeAsync(RegistryScope.ForSubject(subject), RegistryMode.Import, force: false, None);
        var restored = await gateway.RegisterAsync(subject, RegisterSchemaRequest.ImportOf(backup), None);
        await gateway.DeleteModeAsync(RegistryScope.ForSubject(subject), None);
        var read = (await gateway.GetVersionAsync(subject, 1, includeDeleted: false, None))!;

        Assert.Equal(WriteOutcome.Applied, restored.Outcome);
        Assert.Equal((backup.Id, backup.Version, backup.Schema, backup.SchemaType), (read.Id, read.Version, read.Schema, read.SchemaType));
        Assert.True(JsonNode.DeepEquals(backup.Metadata, read.Metadata));
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task Contexts_AreListed_AndDeletedWhereTheReleaseCan(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var context = Some.Context("ctx");
        var subject = new QualifiedSubject(context, "orders");
        await gateway.RegisterAsync(subject, new RegisterSchemaRequest(Some.AvroRecord("Ctx", "a")), None);

        var contexts = await gateway.ListContextsAsync(None);
        var inContext = await gateway.ListSubjectsAsync(new SubjectQuery($":{context}:"), None);
        var everywhere = await gateway.ListSubjectsAsync(SubjectQuery.All, None);
        var defaultOnly = await gateway.ListSubjectsAsync(new SubjectQuery(""), None);

        Assert.Equal(".", contexts[0]);
        Assert.Contains(context, contexts);
        Assert.Equal([subject], inContext);
        Assert.Contains(subject, everywhere);
        Assert.DoesNotContain(subject, defaultOnly);

        await gateway.DeleteSubjectAsync(subject, DeleteKind.Soft, None);
        await gateway.DeleteSubjectAsync(subject, DeleteKind.Permanent, None);
        if ((await gateway.GetCapabilitiesAsync(None)).SupportsContextDelete)
        {
            await gateway.DeleteContextAsync(context, None);
            Assert.DoesNotContain(context, await gateway.ListContextsAsync(None));
        }
        else
        {
            var refused = await Assert.ThrowsAsync<NotSupportedException>(() => gateway.DeleteContextAsync(context, None));
            Assert.Equal(404, Assert.IsType<SchemaRegistryException>(refused.InnerException).ErrorCode);
            Assert.Contains(context, await gateway.ListContextsAsync(None));
        }
    }
}
