namespace BulkWizard.Core.Backups;

/// <summary>The state of every subject a plan touches, taken before the first write of its execution.</summary>
public sealed record Backup(
    string Id,
    string Registry,
    string PlanId,
    string OperationType,
    DateTimeOffset CreatedAt,
    IReadOnlyList<SubjectBackup> Subjects)
{
    public SubjectBackup? Find(string subject) => Subjects.FirstOrDefault(s => s.Subject == subject);
}
