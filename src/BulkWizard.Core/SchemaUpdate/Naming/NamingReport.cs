namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>
/// What a read-only naming check found: how many subjects were checked and conform, the violations with their
/// suggested names, and the subjects the convention could not be checked on.
/// </summary>
public sealed record NamingReport(
    string Registry,
    string Convention,
    int Checked,
    int Conforming,
    IReadOnlyList<NamingViolation> Violations,
    IReadOnlyList<UncheckedSubject> Unchecked);
