using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// References as the target needs them. An unqualified reference resolves in the referrer's own context, so it follows
/// the referrer unchanged; it is rewritten only when the subject it names is renamed by the migration. A
/// context-qualified reference to a migrated subject is rewritten to the subject's new place. References are part of a
/// schema's identity, so nothing else changes, except the version of a reference to a copied subject when the target
/// numbers versions itself (<paramref name="renumber"/>, ids not preserved).
/// </summary>
internal sealed class ReferenceRewriter(IReadOnlyDictionary<QualifiedSubject, QualifiedSubject> moved, Func<QualifiedSubject, int, int?>? renumber = null)
{
    public IReadOnlyList<SchemaReference> Rewrite(QualifiedSubject referrer, IReadOnlyList<SchemaReference> references) =>
        [.. references.Select(r => Rewrite(referrer, r))];

    /// <summary>The source subject a reference of <paramref name="referrer"/> names.</summary>
    public static QualifiedSubject Resolve(QualifiedSubject referrer, string reference) =>
        reference.StartsWith(":.", StringComparison.Ordinal) ? QualifiedSubject.Parse(reference) : new QualifiedSubject(referrer.Context, reference);

    private SchemaReference Rewrite(QualifiedSubject referrer, SchemaReference reference)
    {
        var source = Resolve(referrer, reference.Subject);
        if (!moved.TryGetValue(source, out var target))
        {
            return reference;
        }

        var qualified = reference.Subject.StartsWith(":.", StringComparison.Ordinal);
        var version = renumber?.Invoke(source, reference.Version) ?? reference.Version;
        return reference with { Subject = qualified ? target.ToString() : target.Name, Version = version };
    }
}
