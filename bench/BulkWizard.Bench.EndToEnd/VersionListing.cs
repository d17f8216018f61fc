using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// Every version in the registry, soft-deleted ones included, from the paged
/// <c>GET /schemas?subjectPrefix=:*:&amp;deleted=true</c>: per subject, each version's number, id, deleted flag,
/// schema text, type and references. Two listings are equal when the registry holds the same versions under the same ids.
/// </summary>
internal sealed class VersionListing
{
    private const int PageSize = 1000;
    private readonly SortedDictionary<string, List<ListedVersion>> _bySubject;

    private VersionListing(SortedDictionary<string, List<ListedVersion>> bySubject) => _bySubject = bySubject;

    public int Subjects => _bySubject.Count;

    public int Versions => _bySubject.Values.Sum(v => v.Count);

    /// <summary>Every subject with its versions, in subject order.</summary>
    public IEnumerable<(string Subject, IReadOnlyList<ListedVersion> Versions)> All => _bySubject.Select(p => (p.Key, (IReadOnlyList<ListedVersion>)p.Value));

    public IReadOnlyList<ListedVersion> Of(string subject) => _bySubject.TryGetValue(subject, out var versions) ? versions : [];

    public static async Task<VersionListing> ReadAsync(HttpClient http)
    {
        var bySubject = new SortedDictionary<string, List<ListedVersion>>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += PageSize)
        {
            var page = await http.GetFromJsonAsync<JsonArray>($"schemas?subjectPrefix=:*:&deleted=true&offset={offset}&limit={PageSize}") ?? [];
            foreach (var item in page)
            {
                var subject = item.Need("subject");
                var version = new ListedVersion(
                    item.Int("version"),
                    item.Int("id"),
                    item?["deleted"]?.GetValue<bool>() ?? false,
                    item.Str("schema") ?? string.Empty,
                    item.Str("schemaType") ?? "AVRO",
                    item?["references"] is JsonArray { Count: > 0 } references ? references.ToJsonString() : "[]");
                (bySubject.TryGetValue(subject, out var list) ? list : bySubject[subject] = []).Add(version);
            }

            if (page.Count == 0)
            {
                return new VersionListing(bySubject);
            }
        }
    }

    /// <summary>This listing with each version mapped (null: gone); subjects left with no version are gone too.</summary>
    public VersionListing Map(Func<string, ListedVersion, ListedVersion?> map)
    {
        var mapped = new SortedDictionary<string, List<ListedVersion>>(StringComparer.Ordinal);
        foreach (var (subject, versions) in _bySubject)
        {
            var kept = versions.Select(v => map(subject, v)).OfType<ListedVersion>().ToList();
            if (kept.Count > 0)
            {
                mapped[subject] = kept;
            }
        }

        return new VersionListing(mapped);
    }

    /// <summary>The first subject that differs from <paramref name="expected"/>, described; null when both hold the same.</summary>
    public string? FirstDifference(VersionListing expected)
    {
        foreach (var subject in expected._bySubject.Keys.Union(_bySubject.Keys).Order(StringComparer.Ordinal))
        {
            var want = expected.Of(subject);
            var got = Of(subject);
            if (!want.SequenceEqual(got))
            {
                return $"{subject}: expected [{Show(want)}], found [{Show(got)}]";
            }
        }

        return null;
    }

    /// <summary><c>1#101 2#102d</c>: version, id, and <c>d</c> when soft-deleted.</summary>
    public static string Show(IEnumerable<ListedVersion> versions) =>
        string.Join(' ', versions.Select(v => $"{v.Version}#{v.Id}{(v.Deleted ? "d" : string.Empty)}"));
}
