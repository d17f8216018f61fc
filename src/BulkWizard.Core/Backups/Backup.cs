using System.Text.Json.Serialization;

namespace BulkWizard.Core.Backups;

/// <summary>The state of every subject a plan touches, taken before the first write of its execution.</summary>
/// <remarks>Holds schemas, configs and modes only: never the registry's URL credentials or tokens, only its configured name.</remarks>
public sealed record Backup(
    string Id,
    string Registry,
    string PlanId,
    string OperationType,
    DateTimeOffset CreatedAt,
    IReadOnlyList<SubjectBackup> Subjects)
{
    /// <summary>The layout of this record on disk; a reader refuses a format it does not know.</summary>
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    [JsonIgnore]
    public int VersionCount => Subjects.Sum(s => s.Versions.Count);

    public SubjectBackup? Find(string subject) => Subjects.FirstOrDefault(s => s.Subject == subject);
}
