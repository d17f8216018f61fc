using System.Runtime.CompilerServices;
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

    /// <summary>The pace of the run that took the backup, where the backup recorded it.</summary>
    public Plans.BulkOperationConfig? RunConfig { get; init; }

    /// <summary>
    /// <see cref="Find"/>'s index, built on first use and attached to the <see cref="Subjects"/> list itself rather than to
    /// the record, so that neither equality nor <c>with</c> (which may replace the list) sees it.
    /// </summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<SubjectBackup>, Dictionary<string, SubjectBackup>> Indexes = new();

    public int Format { get; init; } = CurrentFormat;

    [JsonIgnore]
    public int VersionCount => Subjects.Sum(s => s.Versions.Count);

    /// <summary>The backup of one subject (the first, should it be listed twice); null when the plan did not touch it.</summary>
    /// <remarks>Looked up in a dictionary built on the first call: rollback asks once per item. Assumes <see cref="Subjects"/> is not changed after that.</remarks>
    public SubjectBackup? Find(string subject) => Indexes.GetValue(Subjects, Index).GetValueOrDefault(subject);

    private static Dictionary<string, SubjectBackup> Index(IReadOnlyList<SubjectBackup> subjects)
    {
        var index = new Dictionary<string, SubjectBackup>(subjects.Count, StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            index.TryAdd(subject.Subject, subject);
        }

        return index;
    }
}
