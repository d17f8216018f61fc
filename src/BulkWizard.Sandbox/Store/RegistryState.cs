using System.Text.Json.Nodes;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// Everything the registry holds, with the indexes every request needs: subjects sorted by their
/// qualified name (the registry's list order), contexts with their ids, config and mode by scope key
/// ("" global, ":.ctx:" context, ":.__GLOBAL:", or a subject) and who references which version.
/// Not thread-safe: <see cref="RegistryStore"/> serializes access.
/// </summary>
internal sealed class RegistryState
{
    public SortedDictionary<string, SubjectState> Subjects { get; } = new(StringComparer.Ordinal);

    /// <summary>The keys of <see cref="Subjects"/> again, for prefix ranges: the registry reads a prefix as a key range.</summary>
    private readonly SortedSet<string> _subjectKeys = new(StringComparer.Ordinal);

    public SortedDictionary<string, ContextState> Contexts { get; } = new(StringComparer.Ordinal)
    {
        [QualifiedSubject.DefaultContext] = new ContextState(QualifiedSubject.DefaultContext) { Listed = true },
    };

    public Dictionary<string, JsonObject> Configs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Modes { get; } = new(StringComparer.Ordinal);

    /// <summary>Referenced version → the subject versions whose schemas reference it.</summary>
    public Dictionary<SubjectVersionKey, HashSet<SubjectVersionKey>> Referrers { get; } = [];

    public SubjectState? Subject(string key) => Subjects.GetValueOrDefault(key);

    public ContextState Context(string name)
    {
        if (!Contexts.TryGetValue(name, out var context))
        {
            context = new ContextState(name);
            Contexts[name] = context;
        }

        return context;
    }

    public StoredSchema SchemaOf(SubjectState subject, SubjectVersion version) =>
        Contexts[subject.Name.Context].SchemasById[version.SchemaId];

    public IReadOnlyCollection<SubjectVersionKey> ReferrersOf(SubjectVersionKey key) =>
        Referrers.TryGetValue(key, out var set) ? set : [];

    /// <summary>Adds a version and every index entry that goes with it.</summary>
    public void AddVersion(SubjectState subject, SubjectVersion version, StoredSchema schema)
    {
        Subjects[subject.Key] = subject;
        _subjectKeys.Add(subject.Key);
        subject.Versions[version.Version] = version;
        var key = new SubjectVersionKey(subject.Key, version.Version);
        schema.Usages.Add(key);
        foreach (var reference in schema.References)
        {
            var target = new SubjectVersionKey(subject.Name.Qualify(reference.Subject), reference.Version);
            if (!Referrers.TryGetValue(target, out var set))
            {
                set = [];
                Referrers[target] = set;
            }

            set.Add(key);
        }
    }

    /// <summary>
    /// Hard-deletes a version: the id stops resolving when no version uses it any more, and the last
    /// version of a subject takes the subject's config and mode with it.
    /// </summary>
    public void RemoveVersion(SubjectState subject, int version, bool keepEmptySubject = false)
    {
        if (!subject.Versions.Remove(version, out var removed))
        {
            return;
        }

        var context = Contexts[subject.Name.Context];
        var schema = context.SchemasById[removed.SchemaId];
        var key = new SubjectVersionKey(subject.Key, version);
        schema.Usages.Remove(key);
        foreach (var reference in schema.References)
        {
            var target = new SubjectVersionKey(subject.Name.Qualify(reference.Subject), reference.Version);
            if (Referrers.TryGetValue(target, out var set) && set.Remove(key) && set.Count == 0)
            {
                Referrers.Remove(target);
            }
        }

        if (schema.Usages.Count == 0)
        {
            context.SchemasById.Remove(schema.Id);
            if (context.IdByIdentity.TryGetValue(schema.Identity, out var id) && id == schema.Id)
            {
                context.IdByIdentity.Remove(schema.Identity);
            }
        }

        if (subject.Versions.Count == 0 && !keepEmptySubject)
        {
            Subjects.Remove(subject.Key);
            _subjectKeys.Remove(subject.Key);
            Configs.Remove(subject.Key);
            Modes.Remove(subject.Key);
        }
    }

    /// <summary>The subjects a prefix selects, in list order: a key range when it names one context, else every subject filtered.</summary>
    public IEnumerable<SubjectState> SubjectsMatching(SubjectPrefix filter)
    {
        if (filter.KeyPrefix is not { } prefix)
        {
            return Subjects.Values.Where(s => filter.Matches(s.Name));
        }

        var range = prefix.Length == 0 ? _subjectKeys : _subjectKeys.GetViewBetween(prefix, prefix + char.MaxValue);
        return range.Select(key => Subjects[key]).Where(s => filter.Matches(s.Name));
    }

    /// <summary>Subjects of one context, in list order.</summary>
    public IEnumerable<SubjectState> SubjectsIn(string context) =>
        Subjects.Values.Where(s => s.Name.Context == context);
}
