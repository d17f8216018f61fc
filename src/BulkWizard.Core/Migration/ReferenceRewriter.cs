using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// References as the target needs them. An unqualified reference resolves in the referrer's own context, so it follows
/// the referrer unchanged; it is rewritten only when the subject it names is renamed by the migration. A
/// context-qualified reference to a migrated subject is rewritten to the subject's new place. References are part of a
/// schema's identity, so nothing else changes.
/// </summary>
internal sealed class ReferenceRewriter(IReadOnlyDictionary<QualifiedSubject, QualifiedSubject> moved)
{
    public IReadOnlyList<SchemaReference> Rewrite(QualifiedSubject referrer, IReadOnlyList<SchemaReference> references) =>
        [.. references.Select(r => Rewrite(referrer, r))];

    /// <summary>The source subject a reference of <paramref name="referrer"/> names.</summary>
    public static QualifiedSubject Resolve(QualifiedSubject referrer, string reference) =>
        reference.StartsWith(":.", StringComparison.Ordinal) ? QualifiedSubject.Parse(reference) : new QualifiedSubject(referrer.Context, reference);

    private SchemaReference Rewrite(QualifiedSubject referrer, SchemaReference reference)
    {
        if (!moved.TryGetValue(Resolve(referrer, reference.Subject), out var target))
        {
            return reference;
        }

        var qualified = reference.Subject.StartsWith(":.", StringComparison.Ordinal);
        return qualified ? reference with { Subject = target.ToString() } : reference with { Subject = target.Name };
    }
}
