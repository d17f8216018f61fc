using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>One subject's result: conforming, a violation, or not checkable (<see cref="UncheckedReason"/>).</summary>
internal sealed record NamingVerdict(QualifiedSubject Subject, NamingViolation? Violation, string? UncheckedReason)
{
    public bool Conforms => Violation is null && UncheckedReason is null;

    public static NamingVerdict Conforming(QualifiedSubject subject) => new(subject, null, null);

    public static NamingVerdict Unchecked(QualifiedSubject subject, string reason) => new(subject, null, reason);

    public static NamingVerdict Violates(QualifiedSubject subject, string reason, QualifiedSubject suggested) =>
        new(subject, new NamingViolation(subject.ToString(), reason, suggested.ToString(), null), null);

    public static NamingVerdict ViolatesWithoutSuggestion(QualifiedSubject subject, string reason, string whyNone) =>
        new(subject, new NamingViolation(subject.ToString(), reason, null, whyNone), null);
}
