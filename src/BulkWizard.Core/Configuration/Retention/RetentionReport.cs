namespace BulkWizard.Core.Configuration.Retention;

/// <summary>
/// What a retention check found: the violations, the policies that apply to the selected subjects, how many subjects
/// were selected and how many a policy covers (only those are checked), and a message when some have none.
/// </summary>
public sealed record RetentionReport(
    string Registry,
    IReadOnlyList<RetentionViolation> Violations,
    IReadOnlyList<RetentionPolicy> Policies,
    int Selected,
    int Checked,
    string? Message);
