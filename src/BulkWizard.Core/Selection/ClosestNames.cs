using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Selection;

/// <summary>
/// The subject names nearest to a pattern that matched nothing, to say in the refusal what was probably meant (a
/// transposed letter, a wrong separator): each include term's literal text against the names it would scope, by edit
/// distance, over the start of each name when the glob is a prefix.
/// </summary>
internal static class ClosestNames
{
    private const int Shown = 3;

    public static IReadOnlyList<string> To(SubjectPattern pattern, IReadOnlyList<QualifiedSubject> subjects)
    {
        var best = new List<(int Distance, string Name)>();
        foreach (var term in pattern.Terms.Where(t => !t.Exclude))
        {
            var text = term.Glob.Text;
            var stem = new string([.. text.Where(c => c is not ('*' or '?' or '[' or ']' or '\\'))]);
            if (stem.Length == 0)
            {
                continue;
            }

            var prefix = text.EndsWith('*');
            var allowed = Math.Max(1, stem.Length / 3);
            foreach (var subject in subjects.Where(s => term.Scope.Contains(s.Context)))
            {
                var compared = prefix && subject.Name.Length > stem.Length ? subject.Name[..stem.Length] : subject.Name;
                if (Distance(stem, compared) is var distance && distance <= allowed)
                {
                    best.Add((distance, subject.ToString()));
                }
            }
        }

        return [.. best.OrderBy(b => b.Distance).ThenBy(b => b.Name, StringComparer.Ordinal).Select(b => b.Name).Distinct().Take(Shown)];
    }

    /// <summary>Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
