using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Selection;

/// <summary>
/// What the selection answers resolve to: the subjects in registry order, a short description
/// (e.g. <c>test-*</c>), and typed aliases shown as <c>alias → target</c>.
/// </summary>
public sealed record SelectedSubjects(string Description, IReadOnlyList<QualifiedSubject> Subjects, IReadOnlyDictionary<QualifiedSubject, string> AliasOf)
{
    /// <summary>How many subjects each context holds in the registry, for choosing between bulk and per-subject reads.</summary>
    public IReadOnlyDictionary<string, int> ContextSizes { get; init; } = new Dictionary<string, int>();

    /// <summary>How a subject appears in previews: its name, or <c>alias → target</c> when it was typed as an alias.</summary>
    public string Display(QualifiedSubject subject) =>
        AliasOf.TryGetValue(subject, out var alias) ? $"{alias} → {subject}" : subject.ToString();
}
