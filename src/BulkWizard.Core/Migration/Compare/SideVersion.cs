using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration.Compare;

/// <summary>
/// A version as one side of a comparison sees it: the subject's name within its context, and references written
/// relative to that context (a bare name in the same context, qualified otherwise, <c>:.:name</c> for the default
/// one), so a version and its copy in another context reference the same subjects.
/// </summary>
internal sealed record SideVersion(string Subject, SchemaVersion Registered, IReadOnlyList<SchemaReference> References)
{
    public int Version => Registered.Version;

    public VersionRef Ref => new(Registered.Id, Registered.Version);

    public static SideVersion Of(SchemaVersion version) =>
        new(version.Subject.Name, version, [.. version.References.Select(r => r with { Subject = Relative(version.Subject.Context, r.Subject) })]);

    /// <summary>An unqualified reference names a subject in the referrer's own context.</summary>
    private static string Relative(string context, string reference)
    {
        var subject = reference.StartsWith(":.", StringComparison.Ordinal) ? QualifiedSubject.Parse(reference) : new QualifiedSubject(context, reference);
        return subject.Context == context ? subject.Name : $":{subject.Context}:{subject.Name}";
    }
}
