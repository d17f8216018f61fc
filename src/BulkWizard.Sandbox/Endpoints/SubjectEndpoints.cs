using BulkWizard.Sandbox.Http;
using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Endpoints;

/// <summary>/subjects: list, versions, one version, lookup, register, deletes, referencedby, metadata.</summary>
internal sealed class SubjectEndpoints(RegistryStore store)
{
    private readonly SchemaViews views = new(store.Profile);

    public IEnumerable<RouteDefinition> Routes() =>
    [
        RouteDefinition.Get("/subjects", r => RegistryResponse.Ok(JsonValues.Array(store.Read(c =>
            new SubjectReads(c).ListSubjects(r.Param("subjectPrefix"), r.Flag("deleted"), r.Flag("deletedOnly"),
                r.Int("offset", 0), r.Int("limit", -1)))))),
        RouteDefinition.Post("/subjects/{subject}", Lookup),
        RouteDefinition.Delete("/subjects/{subject}", r => RegistryResponse.Ok(JsonValues.Array(store.Write(c =>
            new Deletion(c).DeleteSubject(SubjectPath.Aliased(c, r.Route("subject")), r.Flag("permanent")))))),
        RouteDefinition.Get("/subjects/{subject}/versions", r => RegistryResponse.Ok(JsonValues.Array(store.Read(c =>
            new SubjectReads(c).ListVersions(SubjectPath.Aliased(c, r.Route("subject")), r.Flag("deleted"), r.Flag("deletedOnly"),
                r.Flag("deletedAsNegative"), r.Int("offset", 0), r.Int("limit", -1)))))),
        RouteDefinition.Post("/subjects/{subject}/versions", Register),
        RouteDefinition.Get("/subjects/{subject}/versions/{version}", r => RegistryResponse.Ok(store.Read(c =>
        {
            var (subject, version) = new SubjectReads(c).GetVersion(SubjectPath.Aliased(c, r.Route("subject")), r.Route("version"), r.Flag("deleted"));
            return views.Version(subject, version, c.State.SchemaOf(subject, version));
        }))),
        RouteDefinition.Get("/subjects/{subject}/versions/{version}/schema", r => RegistryResponse.PlainText(store.Read(c =>
        {
            var (subject, version) = new SubjectReads(c).GetVersion(SubjectPath.Aliased(c, r.Route("subject")), r.Route("version"), r.Flag("deleted"));
            return c.State.SchemaOf(subject, version).Schema;
        }))),
        RouteDefinition.Get("/subjects/{subject}/versions/{version}/referencedby", r => RegistryResponse.Ok(JsonValues.Array(store.Read(c =>
            new SubjectReads(c).ReferencedBy(SubjectPath.Aliased(c, r.Route("subject")), r.Route("version"), r.Flag("deleted"),
                r.Int("offset", 0), r.Int("limit", -1)))))),
        RouteDefinition.Delete("/subjects/{subject}/versions/{version}", r => RegistryResponse.Ok(store.Write(c =>
            new Deletion(c).DeleteVersion(SubjectPath.Aliased(c, r.Route("subject")), r.Route("version"), r.Flag("permanent"))))),
        RouteDefinition.Get("/subjects/{subject}/metadata", ByMetadata),
    ];

    private RegistryResponse Lookup(RegistryRequest request)
    {
        var body = RegisterRequest.From(request.BodyObject());
        return RegistryResponse.Ok(store.Read(c =>
        {
            var (subject, version) = new SubjectReads(c).Lookup(SubjectPath.Aliased(c, request.Route("subject")), body, request.Flag("deleted"));
            return views.Version(subject, version, c.State.SchemaOf(subject, version));
        }));
    }

    private RegistryResponse Register(RegistryRequest request)
    {
        var body = RegisterRequest.From(request.BodyObject());
        return RegistryResponse.Ok(store.Write(c =>
        {
            var (subject, version, schema) = new Registration(c).Register(SubjectPath.Aliased(c, request.Route("subject")), body, request.Flag("force"));
            return views.Registered(subject, version, schema);
        }));
    }

    private RegistryResponse ByMetadata(RegistryRequest request)
    {
        var keys = request.Query.GetValueOrDefault("key");
        var values = request.Query.GetValueOrDefault("value");
        var pairs = keys.Zip(values, (k, v) => KeyValuePair.Create(k ?? string.Empty, v ?? string.Empty)).ToList();
        return RegistryResponse.Ok(store.Read(c =>
        {
            var (subject, version) = new SubjectReads(c).ByMetadata(SubjectPath.Aliased(c, request.Route("subject")), pairs);
            return views.Version(subject, version, c.State.SchemaOf(subject, version));
        }));
    }
}
