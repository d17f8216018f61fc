using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// The target context as the migration needs it, from one paged <c>GET /schemas?subjectPrefix=:.ctx:&amp;deleted=true</c>:
/// the versions of the subjects it will write to, and what each schema id of the context holds (for id conflicts).
/// </summary>
internal sealed class TargetSubjects
{
    private readonly Dictionary<QualifiedSubject, List<SchemaVersion>> _versions = [];
    private readonly Dictionary<int, JsonObject> _identityById = [];
    private readonly HashSet<(QualifiedSubject Subject, int Version)> _present = [];

    public static async Task<TargetSubjects> ReadAsync(IRegistryGateway gateway, string context, IReadOnlySet<QualifiedSubject> subjects, CancellationToken cancellationToken)
    {
        var target = new TargetSubjects();
        var prefix = context == QualifiedSubject.DefaultContext ? "" : $":{context}:";
        await foreach (var version in gateway.ListSchemasAsync(new SchemaQuery(prefix, IncludeDeleted: true), cancellationToken))
        {
            target._identityById.TryAdd(version.Id, VersionIdentity.Of(version, version.References));
            target._present.Add((version.Subject, version.Version));
            if (subjects.Contains(version.Subject))
            {
                (target._versions.TryGetValue(version.Subject, out var list) ? list : target._versions[version.Subject] = []).Add(version);
            }
        }

        return target;
    }

    public IReadOnlyList<SchemaVersion> VersionsOf(QualifiedSubject subject) => _versions.TryGetValue(subject, out var list) ? list : [];

    /// <summary>Whether the target context has this version (live or soft-deleted), e.g. one a copied schema references.</summary>
    public bool Has(QualifiedSubject subject, int version) => _present.Contains((subject, version));

    /// <summary>What schema id <paramref name="id"/> holds in the target context; null when it is free.</summary>
    public JsonObject? IdentityOf(int id) => _identityById.GetValueOrDefault(id);
}
