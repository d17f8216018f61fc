using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Sandbox.Http;
using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Endpoints;

/// <summary>
/// POST /compatibility/subjects/{s}/versions/{v} (that version only) and …/versions (the live
/// versions, as register checks them): {"is_compatible"} plus "messages" with verbose=true.
/// </summary>
internal sealed class CompatibilityEndpoints(RegistryStore store)
{
    public IEnumerable<RouteDefinition> Routes() =>
    [
        RouteDefinition.Post("/compatibility/subjects/{subject}/versions/{version}", r => Check(r, r.Route("version"))),
        RouteDefinition.Post("/compatibility/subjects/{subject}/versions", r => Check(r, null)),
    ];

    private RegistryResponse Check(RegistryRequest request, string? versionText)
    {
        var body = RegisterRequest.From(request.BodyObject());
        var version = versionText is null ? (VersionId?)null : VersionId.Parse(versionText);
        var verbose = request.Flag("verbose");
        return RegistryResponse.Ok(store.Read(c =>
        {
            var subjectKey = SubjectPath.Aliased(c, request.Route("subject"));
            var subject = c.State.Subject(subjectKey);
            List<SubjectVersion> against;
            var level = c.Scopes.EffectiveLevel(subjectKey);
            if (version is { } v)
            {
                if (subject is null || !subject.HasLive)
                {
                    if (v.IsLatest)
                    {
                        return Answer(SchemaCompatibilityResult.Compatible, verbose);
                    }

                    throw RegistryErrors.SubjectNotFound(subjectKey);
                }

                against = [RegistryCore.RequireVersion(subject, v, false)];
                level = level.IsTransitive() ? level switch
                {
                    CompatibilityLevel.BackwardTransitive => CompatibilityLevel.Backward,
                    CompatibilityLevel.ForwardTransitive => CompatibilityLevel.Forward,
                    _ => CompatibilityLevel.Full,
                } : level;
            }
            else
            {
                against = subject?.Live.ToList() ?? [];
            }

            var schemaType = SchemaTypes.OrDefault(body.SchemaType);
            var name = QualifiedSubject.Parse(subjectKey);
            var (_, texts) = c.ResolveReferences(name, body.References);
            var canonical = RegistryCore.Canonicalize(schemaType, body.Schema ?? string.Empty, texts);
            var result = new CompatibilityGate(c).Check(subject, against, new SchemaDocument(schemaType, canonical, texts), level);
            return Answer(result, verbose);
        }));
    }

    private static JsonObject Answer(SchemaCompatibilityResult result, bool verbose)
    {
        var json = new JsonObject { ["is_compatible"] = result.IsCompatible };
        if (verbose)
        {
            json["messages"] = JsonValues.Array(result.Messages);
        }

        return json;
    }
}
