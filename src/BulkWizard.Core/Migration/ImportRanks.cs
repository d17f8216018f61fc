using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// The rank of each migrated subject: 0 when its copied versions reference no other migrated subject, else one more
/// than the highest rank among those it references, so referenced subjects are imported first (and removed last on undo).
/// </summary>
internal sealed class ImportRanks(IReadOnlyDictionary<QualifiedSubject, MigrationCandidate> candidates)
{
    private readonly Dictionary<QualifiedSubject, int> _ranks = [];
    private readonly Dictionary<QualifiedSubject, QualifiedSubject> _sourceOf = candidates.Values.ToDictionary(c => c.Target, c => c.Source);

    public int Highest => candidates.Keys.Select(Of).DefaultIfEmpty(-1).Max();

    public int Of(QualifiedSubject source)
    {
        if (_ranks.TryGetValue(source, out var known))
        {
            return known;
        }

        // References form no cycles (a schema references versions that existed before it), so this ends.
        var candidate = candidates[source];
        var rank = 0;
        foreach (var reference in candidate.Copy.SelectMany(v => v.References))
        {
            if (_sourceOf.TryGetValue(ReferenceRewriter.Resolve(candidate.Target, reference.Subject), out var referenced) && referenced != source)
            {
                rank = Math.Max(rank, Of(referenced) + 1);
            }
        }

        return _ranks[source] = rank;
    }
}
