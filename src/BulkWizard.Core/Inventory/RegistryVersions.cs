using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Inventory;

/// <summary>
/// Every version in the registry, soft-deleted ones included, read with the paged
/// <c>GET /schemas?subjectPrefix=:*:&amp;deleted=true</c> (1,000 a request) rather than per subject: versions by
/// subject, who references each version, and how many versions use each id in each context. The record names are
/// kept for the selected subjects only, and where the registry can list them (7.6.3+) the aliases pointing at each
/// subject come with the same listing.
/// </summary>
internal sealed class RegistryVersions
{
    private readonly Dictionary<QualifiedSubject, List<VersionFacts>> _bySubject = [];
    private readonly Dictionary<VersionKey, List<VersionKey>> _referrers = [];
    private readonly Dictionary<(string Context, int Id), int> _idUses = [];
    private readonly Dictionary<QualifiedSubject, HashSet<string>> _recordNames = [];
    private readonly Dictionary<QualifiedSubject, SortedSet<string>> _aliases = [];
    private readonly Dictionary<QualifiedSubject, List<SchemaVersion>> _content = [];

    /// <summary>Whether the listing carried aliases; when not, <see cref="AliasesOf"/> knows none.</summary>
    public bool ListedAliases { get; private init; }

    public static Task<RegistryVersions> ReadAsync(IRegistryGateway gateway, IReadOnlySet<QualifiedSubject> selected, CancellationToken cancellationToken) =>
        ReadAsync(gateway, selected, keepContent: false, cancellationToken);

    /// <param name="keepContent">Also keep every version of the selected subjects whole (schema, references, metadata, rule set), for copying them.</param>
    public static async Task<RegistryVersions> ReadAsync(IRegistryGateway gateway, IReadOnlySet<QualifiedSubject> selected, bool keepContent, CancellationToken cancellationToken)
    {
        var listsAliases = (await gateway.GetCapabilitiesAsync(cancellationToken)).ListsAliases;
        var index = new RegistryVersions { ListedAliases = listsAliases };
        var undecided = new HashSet<QualifiedSubject>();
        await foreach (var version in gateway.ListSchemasAsync(new SchemaQuery(":*:", IncludeDeleted: true) { IncludeAliases = listsAliases }, cancellationToken))
        {
            index.Add(version);
            if (version.Aliases is { Count: > 0 } aliases && selected.Contains(version.Subject))
            {
                (index._aliases.TryGetValue(version.Subject, out var set) ? set : index._aliases[version.Subject] = new(StringComparer.Ordinal))
                    .UnionWith(aliases.Select(a => a.ToString()));
            }

            if (version.Deleted is null && selected.Contains(version.Subject))
            {
                undecided.Add(version.Subject);
            }

            if (keepContent && selected.Contains(version.Subject))
            {
                (index._content.TryGetValue(version.Subject, out var kept) ? kept : index._content[version.Subject] = []).Add(version);
            }

            if (selected.Contains(version.Subject))
            {
                var names = index._recordNames.TryGetValue(version.Subject, out var set) ? set : index._recordNames[version.Subject] = [];
                names.UnionWith(RecordNames.Of(version));
            }
        }

        // Registries before 8.0 do not flag soft-deleted versions in the listing: the live listing of each selected subject does.
        foreach (var subject in undecided)
        {
            var live = (await gateway.ListVersionsAsync(subject, DeletedFilter.LiveOnly, cancellationToken)).ToHashSet();
            var versions = index._bySubject[subject];
            for (var i = 0; i < versions.Count; i++)
            {
                versions[i] = versions[i] with { Deleted = !live.Contains(versions[i].Version) };
            }
        }

        return index;
    }

    /// <summary>
    /// Keeps the versions of one more subject whole, read with one prefix listing (it was not among the selected when the
    /// registry was read, e.g. a subject a migration has to take along because selected ones reference it).
    /// </summary>
    public async Task KeepContentOfAsync(IRegistryGateway gateway, QualifiedSubject subject, CancellationToken cancellationToken)
    {
        var versions = new List<SchemaVersion>();
        await foreach (var version in gateway.ListSchemasAsync(new SchemaQuery(subject.ToString(), IncludeDeleted: true, PageSize: 100), cancellationToken))
        {
            if (version.Subject != subject)
            {
                break;
            }

            versions.Add(version);
        }

        _content[subject] = versions;
        _recordNames[subject] = [.. versions.SelectMany(RecordNames.Of)];
    }

    /// <summary>Every version of a selected subject whole, when read with <c>keepContent</c>; deleted flags as listed (null before 8.0).</summary>
    public IReadOnlyList<SchemaVersion> ContentOf(QualifiedSubject subject) =>
        _content.TryGetValue(subject, out var versions) ? versions : [];

    public IReadOnlyList<VersionFacts> VersionsOf(QualifiedSubject subject) =>
        _bySubject.TryGetValue(subject, out var versions) ? versions : [];

    public IEnumerable<QualifiedSubject> SubjectsIn(string context) => _bySubject.Keys.Where(s => s.Context == context);

    public IReadOnlyList<VersionKey> ReferrersOf(VersionKey version) =>
        _referrers.TryGetValue(version, out var referrers) ? referrers : [];

    public VersionFacts? Find(VersionKey key) => VersionsOf(key.Subject).FirstOrDefault(v => v.Version == key.Version);

    /// <summary>Ids (per context) whose every version is in <paramref name="deleting"/>: they stop resolving once those are permanently deleted.</summary>
    public HashSet<(string Context, int Id)> IdsFreedBy(IEnumerable<VersionKey> deleting)
    {
        var deletedUses = new Dictionary<(string Context, int Id), int>();
        foreach (var key in deleting)
        {
            if (Find(key) is { } version)
            {
                var id = (key.Subject.Context, version.Id);
                deletedUses[id] = deletedUses.GetValueOrDefault(id) + 1;
            }
        }

        return [.. deletedUses.Where(p => p.Value == UsesOf(p.Key.Context, p.Key.Id)).Select(p => p.Key)];
    }

    /// <summary>How many versions (live or soft-deleted) in <paramref name="context"/> use schema id <paramref name="id"/>.</summary>
    public int UsesOf(string context, int id) => _idUses.GetValueOrDefault((context, id));

    /// <summary>The alias names whose config points at <paramref name="subject"/>.</summary>
    public IReadOnlyCollection<string> AliasesOf(QualifiedSubject subject) =>
        _aliases.TryGetValue(subject, out var aliases) ? aliases : [];

    public IReadOnlyList<string> RecordNamesOf(QualifiedSubject subject) =>
        _recordNames.TryGetValue(subject, out var names) ? [.. names.Order(StringComparer.Ordinal)] : [];

    private void Add(SchemaVersion version)
    {
        var subject = version.Subject;
        var references = version.References.Select(r => new VersionKey(Resolve(subject, r.Subject), r.Version)).ToList();
        var versions = _bySubject.TryGetValue(subject, out var list) ? list : _bySubject[subject] = [];
        versions.Add(new VersionFacts(version.Version, version.Id, version.Deleted ?? false, references)
        {
            WrittenAt = version.Timestamp is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        });
        var self = new VersionKey(subject, version.Version);
        foreach (var reference in references)
        {
            (_referrers.TryGetValue(reference, out var referrers) ? referrers : _referrers[reference] = []).Add(self);
        }

        _idUses[(subject.Context, version.Id)] = _idUses.GetValueOrDefault((subject.Context, version.Id)) + 1;
    }

    /// <summary>An unqualified reference names a subject in the referrer's own context.</summary>
    private static QualifiedSubject Resolve(QualifiedSubject referrer, string reference) =>
        reference.StartsWith(":.", StringComparison.Ordinal) ? QualifiedSubject.Parse(reference) : new QualifiedSubject(referrer.Context, reference);
}
