using System.Net;
using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using BulkWizard.Sandbox;
using SchemaRegistryException = Confluent.SchemaRegistry.SchemaRegistryException;

namespace BulkWizard.Registry.Tests.Sandbox;

/// <summary>Register, read, look up and delete through the gateway against the Sandbox, on every profile.</summary>
public sealed class SandboxSubjectTests(SandboxGateways sandboxes) : IClassFixture<SandboxGateways>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task Capabilities_FollowTheReportedRelease(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);

        var version = await gateway.GetServerVersionAsync(None);
        var capabilities = await gateway.GetCapabilitiesAsync(None);

        Assert.Equal(SandboxVersions.Reported(profile), version.Version);
        Assert.True(capabilities.IsKnown);
        Assert.Equal(profile != SandboxProfile.Platform76, capabilities.SupportsContextDelete);
        Assert.Equal(profile != SandboxProfile.Platform76, capabilities.ReportsFullSchemaFields);
        Assert.True(capabilities.SupportsDeletedOnly && capabilities.SupportsAliases);
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task Register_ThenReadLookUpAndList(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var subject = QualifiedSubject.Parse(Some.Subject("read"));
        var schema = new RegisterSchemaRequest(Some.AvroRecord("Read", "id"));

        var registered = (await gateway.RegisterAsync(subject, schema, None)).GetValueOrThrow(profile.ToString(), "register");
        var version = await gateway.GetVersionAsync(subject, 1, includeDeleted: false, None);
        var latest = await gateway.GetVersionAsync(subject, VersionSelector.Latest, includeDeleted: false, None);
        var found = await gateway.LookupAsync(subject, schema with { Schema = schema.Schema.Replace(",", ", ", StringComparison.Ordinal) }, includeDeleted: false, None);
        var subjects = await gateway.ListSubjectsAsync(new SubjectQuery(subject.Name), None);
        var byId = await gateway.GetSchemaByIdAsync(registered.Id, null, None);

        Assert.Equal((subject, 1, registered.Id, SchemaTypes.Avro, false), (version!.Subject, version.Version, version.Id, version.SchemaType, version.Deleted!.Value));
        Assert.Equal(version, latest);
        Assert.Equal(registered.Id, found!.Id);
        Assert.Equal([subject], subjects);
        Assert.Equal(version.Schema, byId!.Schema);
        Assert.Equal(profile != SandboxProfile.Platform76, version.SchemaGuid is not null && version.Timestamp is not null);
        Assert.Null(await gateway.GetVersionAsync(subject, 2, includeDeleted: true, None));
        Assert.Null(await gateway.LookupAsync(subject, new RegisterSchemaRequest(Some.AvroRecord("Other", "x")), includeDeleted: true, None));
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task Register_Incompatible_CarriesTheReleasesErrorCode(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var subject = QualifiedSubject.Parse(Some.Subject("incompatible"));
        await gateway.PutConfigAsync(RegistryScope.ForSubject(subject), RegistryConfig.WithCompatibility("BACKWARD"), None);
        await gateway.RegisterAsync(subject, new RegisterSchemaRequest("""{"type":"record","name":"Inc","fields":[{"name":"a","type":"string"}]}"""), None);

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => gateway.RegisterAsync(
            subject, new RegisterSchemaRequest("""{"type":"record","name":"Inc","fields":[{"name":"a","type":"string"},{"name":"b","type":"string"}]}"""), None));

        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Equal((await gateway.GetCapabilitiesAsync(None)).IncompatibleSchemaErrorCode, error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task SoftAndPermanentDeletes_OfVersionsAndSubjects(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var subject = QualifiedSubject.Parse(Some.Subject("delete"));
        await gateway.PutConfigAsync(RegistryScope.ForSubject(subject), RegistryConfig.WithCompatibility("NONE"), None);
        await gateway.RegisterAsync(subject, new RegisterSchemaRequest(Some.AvroRecord("Del", "a")), None);
        await gateway.RegisterAsync(subject, new RegisterSchemaRequest(Some.AvroRecord("Del", "b")), None);

        var soft = await gateway.DeleteVersionAsync(subject, 1, DeleteKind.Soft, None);
        var again = await Assert.ThrowsAsync<SchemaRegistryException>(() => gateway.DeleteVersionAsync(subject, 1, DeleteKind.Soft, None));
        var softDeleted = await gateway.GetVersionAsync(subject, 1, includeDeleted: true, None);

        Assert.Equal((WriteOutcome.Applied, 1), (soft.Outcome, soft.Value));
        Assert.Equal(RegistryErrorCodes.VersionSoftDeleted, again.ErrorCode);
        Assert.Null(await gateway.GetVersionAsync(subject, 1, includeDeleted: false, None));
        Assert.Equal(profile == SandboxProfile.Platform76 ? null : true, softDeleted!.Deleted);
        Assert.Equal([1], await gateway.ListVersionsAsync(subject, DeletedFilter.DeletedOnly, None));
        Assert.Equal([2], await gateway.ListVersionsAsync(subject, DeletedFilter.LiveOnly, None));
        Assert.Equal([1, 2], await gateway.ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, None));

        Assert.Equal(1, (await gateway.DeleteVersionAsync(subject, 1, DeleteKind.Permanent, None)).Value);
        Assert.Null(await gateway.GetVersionAsync(subject, 1, includeDeleted: true, None));

        Assert.Equal([2], (await gateway.DeleteSubjectAsync(subject, DeleteKind.Soft, None)).Value);
        Assert.Contains(subject, await gateway.ListSubjectsAsync(new SubjectQuery(subject.Name, DeletedFilter.DeletedOnly), None));
        Assert.Empty(await gateway.ListSubjectsAsync(new SubjectQuery(subject.Name), None));
        Assert.Equal([2], (await gateway.DeleteSubjectAsync(subject, DeleteKind.Permanent, None)).Value);
        Assert.Empty(await gateway.ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, None));
        Assert.Null(await gateway.GetConfigAsync(RegistryScope.ForSubject(subject), None));
    }

    public static TheoryData<SandboxProfile, string> OddNames()
    {
        var data = new TheoryData<SandboxProfile, string>();
        foreach (var profile in Enum.GetValues<SandboxProfile>())
        {
            foreach (var name in new[] { "team/orders value", "50%25 off?#now", "ünïcödé/注文", "a+b&c=d", ":colon:name", "dots.", "%2F" })
            {
                data.Add(profile, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OddNames))]
    public async Task OddSubjectNames_RoundTrip(SandboxProfile profile, string name)
    {
        var gateway = sandboxes.Gateway(profile);
        var subject = QualifiedSubject.InDefaultContext(Some.Subject("odd") + name);
        var schema = new RegisterSchemaRequest(Some.AvroRecord("Odd", "a"));

        await gateway.RegisterAsync(subject, schema, None);
        var listed = await gateway.ListSubjectsAsync(new SubjectQuery(subject.Name), None);
        var version = await gateway.GetVersionAsync(subject, 1, includeDeleted: false, None);
        var found = await gateway.LookupAsync(subject, schema, includeDeleted: false, None);
        await gateway.PutConfigAsync(RegistryScope.ForSubject(subject), RegistryConfig.WithCompatibility("FULL"), None);
        var config = await gateway.GetConfigAsync(RegistryScope.ForSubject(subject), None);
        var soft = await gateway.DeleteSubjectAsync(subject, DeleteKind.Soft, None);
        var permanent = await gateway.DeleteSubjectAsync(subject, DeleteKind.Permanent, None);

        Assert.Equal([subject], listed);
        Assert.Equal(subject, version!.Subject);
        Assert.Equal(subject, found!.Subject);
        Assert.Equal("FULL", config!.Compatibility);
        Assert.Equal([1], soft.Value);
        Assert.Equal([1], permanent.Value);
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task ReferencedBy_ListsTheReferrers(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var referenced = QualifiedSubject.Parse(Some.Subject("base"));
        var referrer = QualifiedSubject.Parse(Some.Subject("referrer"));
        var baseName = "Base" + Guid.NewGuid().ToString("N");
        await gateway.RegisterAsync(referenced, new RegisterSchemaRequest($$"""{"type":"record","name":"{{baseName}}","fields":[{"name":"a","type":"string"}]}"""), None);

        var registered = await gateway.RegisterAsync(
            referrer,
            new RegisterSchemaRequest(
                $$"""{"type":"record","name":"Uses{{baseName}}","fields":[{"name":"b","type":"{{baseName}}"}]}""",
                References: [new SchemaReference(baseName, referenced.Name, 1)]),
            None);
        var version = await gateway.GetVersionAsync(referrer, 1, includeDeleted: false, None);

        Assert.Equal([registered.Value!.Id], await gateway.GetReferencedByAsync(referenced, 1, includeDeleted: false, None));
        Assert.Equal([new SchemaReference(baseName, referenced.Name, 1)], version!.References);
        var blocked = await Assert.ThrowsAsync<SchemaRegistryException>(() => gateway.DeleteVersionAsync(referenced, 1, DeleteKind.Soft, None));
        Assert.Equal(RegistryErrorCodes.ReferenceExists, blocked.ErrorCode);
    }
}
