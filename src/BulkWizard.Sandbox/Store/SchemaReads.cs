using System.Globalization;
using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>Reads under /schemas: the paged list, schemas by id (per context, with fallback) and by guid.</summary>
internal sealed class SchemaReads(RegistryCore core)
{
    private readonly SchemaViews views = new(core.Profile);

    private int Cap => core.Profile == SandboxProfile.Platform76 ? Paging.Unlimited : 1000;

    /// <summary>
    /// GET /schemas: versions sorted by (subject, version); subjectPrefix "" (the default) is the default context
    /// only. With <paramref name="aliases"/> each version of an alias target lists its aliases, and targets outside
    /// the prefix are listed too when an alias inside it points at them.
    /// </summary>
    public JsonArray List(string? prefix, bool deleted, bool latestOnly, bool aliases, int offset, int limit)
    {
        var filter = SubjectPrefix.Parse(prefix ?? string.Empty);
        var aliasesByTarget = aliases ? SubjectAliases.ByTarget(core, filter) : [];
        var outside = aliasesByTarget.Keys
            .Select(core.State.Subject)
            .OfType<SubjectState>()
            .Where(s => !filter.Matches(s.Name));
        var items = core.State.SubjectsMatching(filter)
            .Concat(outside)
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .SelectMany(s => Listed(s, deleted, latestOnly).Select(v => (Subject: s, Version: v)));
        var page = Paging.Apply(items, offset, limit, Cap, Cap);
        return new JsonArray(page
            .Select(i =>
            {
                var json = views.Version(i.Subject, i.Version, core.State.SchemaOf(i.Subject, i.Version));
                if (aliasesByTarget.TryGetValue(i.Subject.Key, out var names))
                {
                    json["aliases"] = new JsonArray(names.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
                }

                return (JsonNode?)json;
            })
            .ToArray());
    }

    /// <summary>
    /// The versions a listing shows. latestOnly keeps the highest version the deleted filter lets through, so with
    /// deleted=true that may be a soft-deleted one (the registry takes the last version it iterated).
    /// </summary>
    private static IEnumerable<SubjectVersion> Listed(SubjectState subject, bool deleted, bool latestOnly)
    {
        var versions = subject.Versions.Values.Where(v => deleted || !v.Deleted);
        return latestOnly ? versions.TakeLast(1) : versions;
    }

    /// <summary>
    /// The schema with this id in the context the subject names (the default context without one);
    /// an unqualified subject falls back to the other contexts in order.
    /// </summary>
    public (StoredSchema Schema, ContextState Context) ById(int id, string? subject)
    {
        var name = QualifiedSubject.Parse(subject ?? string.Empty);
        if (core.State.Contexts.TryGetValue(name.Context, out var context) && context.SchemasById.TryGetValue(id, out var schema))
        {
            return (schema, context);
        }

        if (!string.IsNullOrEmpty(subject) && name.IsDefaultContext)
        {
            foreach (var other in core.State.Contexts.Values)
            {
                if (other.SchemasById.TryGetValue(id, out var found))
                {
                    return (found, other);
                }
            }
        }

        throw RegistryErrors.SchemaNotFound(string.Create(CultureInfo.InvariantCulture, $"Schema {id} not found"));
    }

    public JsonObject ByIdView(int id, string? subject, bool fetchMaxId)
    {
        var (schema, context) = ById(id, subject);
        var wanted = string.IsNullOrEmpty(subject) ? null : QualifiedSubject.Normalize(subject);
        var usage = schema.Usages
            .OrderBy(u => u.Subject == wanted ? 0 : 1).ThenBy(u => u.Subject, StringComparer.Ordinal).ThenBy(u => u.Version)
            .First();
        var version = core.State.Subject(usage.Subject)!.Versions[usage.Version];
        var json = views.ById(schema, subject is null ? null : usage, version);
        if (fetchMaxId)
        {
            json["maxId"] = context.MaxId;
        }

        return json;
    }

    /// <summary>Subject versions using the id; [] (not 404) when all of them are soft-deleted.</summary>
    public List<SubjectVersionKey> Usages(int id, string? subject, bool deleted)
    {
        var (schema, _) = ById(id, subject);
        return schema.Usages
            .Where(u => deleted || core.State.Subject(u.Subject)?.Versions.GetValueOrDefault(u.Version) is { Deleted: false })
            .OrderBy(u => u.Subject, StringComparer.Ordinal).ThenBy(u => u.Version)
            .ToList();
    }

    public (StoredSchema Schema, ContextState Context) ByGuid(string guid)
    {
        var found = GuidMatches(guid).FirstOrDefault();
        return found.Schema is null ? throw RegistryErrors.SchemaNotFound($"Schema {guid} not found") : found;
    }

    public List<(StoredSchema Schema, ContextState Context)> GuidMatches(string guid) =>
        core.State.Contexts.Values
            .SelectMany(c => c.SchemasById.Values.OrderBy(s => s.Id).Select(s => (Schema: s, Context: c)))
            .Where(m => string.Equals(m.Schema.Identity.Guid, guid, StringComparison.OrdinalIgnoreCase))
            .ToList();
}
