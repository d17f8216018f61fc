using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Selection;

/// <summary>
/// The subject names of a registry, read once with <c>GET /subjects?subjectPrefix=:*:</c> (and
/// <c>deleted=true</c> when soft-deleted subjects are asked for). Every selector counts and matches
/// against it, so choosing never costs a request per subject. The product's reserved subjects
/// (<see cref="ReservedSubjects"/>) are never in it.
/// </summary>
public sealed class SubjectCatalog
{
    private SubjectCatalog(IReadOnlyList<QualifiedSubject> subjects, bool includesDeleted)
    {
        Subjects = subjects;
        IncludesDeleted = includesDeleted;
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            sizes[subject.Context] = sizes.GetValueOrDefault(subject.Context) + 1;
        }

        ContextSizes = sizes;
        Contexts = [.. sizes.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<QualifiedSubject> Subjects { get; }

    public bool IncludesDeleted { get; }

    /// <summary>The contexts that hold at least one listed subject, <c>.</c> first.</summary>
    public IReadOnlyList<string> Contexts { get; }

    /// <summary>How many listed subjects each of <see cref="Contexts"/> holds, counted once.</summary>
    public IReadOnlyDictionary<string, int> ContextSizes { get; }

    public static async Task<SubjectCatalog> ReadAsync(IRegistryGateway gateway, bool includeDeleted, CancellationToken cancellationToken)
    {
        var filter = includeDeleted ? DeletedFilter.IncludeDeleted : DeletedFilter.LiveOnly;
        var subjects = await gateway.ListSubjectsAsync(new SubjectQuery(":*:", filter), cancellationToken);
        return new SubjectCatalog([.. subjects.Where(s => !ReservedSubjects.IsReserved(s))], includeDeleted);
    }

    public IReadOnlyList<QualifiedSubject> Select(Func<QualifiedSubject, bool> predicate) => [.. Subjects.Where(predicate)];

    public IReadOnlyList<QualifiedSubject> Match(SubjectPattern pattern) => Select(pattern.Matches);

    /// <summary>What the pattern selects; a pattern that selects nothing is a mistake to point out, with the closest names, not an empty selection.</summary>
    /// <exception cref="Wizard.WizardInputException">Nothing matched; the message names <c>pattern</c>.</exception>
    public IReadOnlyList<QualifiedSubject> MatchSome(SubjectPattern pattern, string registry)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var matched = Match(pattern);
        if (matched.Count > 0)
        {
            return matched;
        }

        var closest = ClosestNames.To(pattern, Subjects);
        throw new Wizard.WizardInputException(
            $"pattern: '{pattern.Text}' selects no subject of registry '{registry}'" +
            (IncludesDeleted ? "" : " (soft-deleted subjects are left out)") +
            (closest.Count > 0 ? $"; the closest names are {string.Join(", ", closest)}." : "."));
    }

    public IReadOnlyList<QualifiedSubject> InContext(string context) => Select(s => s.Context == context);
}
