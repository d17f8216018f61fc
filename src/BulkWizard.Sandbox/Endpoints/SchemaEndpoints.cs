using System.Globalization;
using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Http;
using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Endpoints;

/// <summary>/schemas: the paged list, by id (+ /schema, /subjects, /versions), by guid (8.x) and /schemas/types.</summary>
internal sealed class SchemaEndpoints(RegistryStore store)
{
    private readonly SchemaViews views = new(store.Profile);

    public IEnumerable<RouteDefinition> Routes()
    {
        yield return RouteDefinition.Get("/schemas", r => RegistryResponse.Ok(store.Read(c =>
            new SchemaReads(c).List(r.Param("subjectPrefix"), r.Flag("deleted"), r.Flag("latestOnly"), r.Flag("aliases") && c.ListsAliases,
                r.Int("offset", 0), r.Int("limit", -1)))));
        yield return RouteDefinition.Get("/schemas/types", _ => RegistryResponse.Ok(JsonValues.Array(["JSON", "PROTOBUF", "AVRO"])));
        yield return RouteDefinition.Get("/schemas/ids/{id}", r => RegistryResponse.Ok(store.Read(c =>
            new SchemaReads(c).ByIdView(Id(r), Subject(c, r), r.Flag("fetchMaxId")))));
        yield return RouteDefinition.Get("/schemas/ids/{id}/schema", r => RegistryResponse.PlainText(store.Read(c =>
            new SchemaReads(c).ById(Id(r), Subject(c, r)).Schema.Schema)));
        yield return RouteDefinition.Get("/schemas/ids/{id}/subjects", r => RegistryResponse.Ok(JsonValues.Array(store.Read(c =>
            Paging.Apply(new SchemaReads(c).Usages(Id(r), Subject(c, r), r.Flag("deleted")).Select(u => u.Subject).Distinct(),
                r.Int("offset", 0), r.Int("limit", -1))))));
        yield return RouteDefinition.Get("/schemas/ids/{id}/versions", r => RegistryResponse.Ok(new JsonArray(store.Read(c =>
            Paging.Apply(new SchemaReads(c).Usages(Id(r), Subject(c, r), r.Flag("deleted")), r.Int("offset", 0), r.Int("limit", -1))
                .Select(u => (JsonNode?)new JsonObject { ["subject"] = u.Subject, ["version"] = u.Version })
                .ToArray()))));
        if (store.Profile == SandboxProfile.Platform76)
        {
            yield break;
        }

        yield return RouteDefinition.Get("/schemas/guids/{guid}", r => RegistryResponse.Ok(store.Read(c =>
        {
            var (schema, _) = new SchemaReads(c).ByGuid(r.Route("guid"));
            return views.ById(schema, null, null);
        })));
        yield return RouteDefinition.Get("/schemas/guids/{guid}/ids", r => RegistryResponse.Ok(new JsonArray(store.Read(c =>
        {
            var matches = new SchemaReads(c).GuidMatches(r.Route("guid"));
            return matches.Count == 0
                ? throw RegistryErrors.SchemaNotFound($"Schema {r.Route("guid")} not found")
                : matches.Select(m => (JsonNode?)new JsonObject { ["context"] = m.Context.Name, ["id"] = m.Schema.Id }).ToArray();
        }))));
    }

    /// <summary>A path id that is not an int does not match the route in JAX-RS: 404.</summary>
    private static int Id(RegistryRequest request) =>
        int.TryParse(request.Route("id"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw RegistryErrors.NotFound();

    private static string? Subject(RegistryCore core, RegistryRequest request) =>
        request.Param("subject") is { } subject ? SubjectPath.Aliased(core, subject) : null;
}
