using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Cleanup.Impact;

/// <summary>
/// The impact targets of "what would a permanent delete of these subjects break": each subject a pattern selects,
/// with every id and record name of its versions (soft-deleted ones too, which a permanent delete also removes).
/// Versions come from the paged <c>GET /schemas</c> of the one context the subjects share, or of every context,
/// never from a request per subject.
/// </summary>
public static class ImpactTargetReader
{
    public static async Task<IReadOnlyList<ImpactTarget>> ReadAsync(IRegistryGateway gateway, SubjectPattern pattern, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(pattern);
        var catalog = await SubjectCatalog.ReadAsync(gateway, includeDeleted: false, cancellationToken);
        var subjects = catalog.Match(pattern);
        if (subjects.Count == 0)
        {
            return [];
        }

        var versions = subjects.ToDictionary(s => s, _ => new List<SchemaVersion>());
        await foreach (var version in gateway.ListSchemasAsync(new SchemaQuery(Prefix(subjects), IncludeDeleted: true), cancellationToken))
        {
            versions.GetValueOrDefault(version.Subject)?.Add(version);
        }

        return
        [
            .. subjects.Select(s => new ImpactTarget(
                s,
                [.. versions[s].SelectMany(RecordNames.Of).Distinct(StringComparer.Ordinal)],
                [.. versions[s].Select(v => v.Id).Distinct().Order()],
                Permanent: true)),
        ];
    }

    /// <summary><c>""</c> for the default context, <c>:.ctx:</c> for one named context, <c>:*:</c> when the subjects span several.</summary>
    private static string Prefix(IReadOnlyList<QualifiedSubject> subjects)
    {
        var contexts = subjects.Select(s => s.Context).Distinct(StringComparer.Ordinal).ToList();
        return contexts switch
        {
            [QualifiedSubject.DefaultContext] => "",
            [var one] => QualifiedSubject.ContextOnly(one).ToString(),
            _ => ":*:",
        };
    }
}
