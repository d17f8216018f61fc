using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Restore;

/// <summary>
/// Puts one subject back as a backup saw it: its versions (same ids and numbers, soft-deleted ones soft-deleted),
/// its own config body and its mode. Versions registered after the backup are kept.
/// </summary>
/// <param name="BackupId">The backup restored from.</param>
/// <param name="Saved">The subject as the backup holds it.</param>
/// <param name="LiveAtPlanning">The subject's live state when the restore was planned: the change's before.</param>
/// <param name="ReferenceDepth">0 for a subject referencing no other restored subject, else one more than the deepest it references.</param>
[ChangeKind(KindName)]
internal sealed record SubjectRestoreChange(string Subject, string BackupId, SubjectBackup Saved, SubjectSnapshot LiveAtPlanning, int ReferenceDepth)
    : WholeSubjectChange(Subject)
{
    /// <summary>Versions the backed-up run registered (from its journal): the restore removes them; others' versions stay.</summary>
    public IReadOnlyList<int> CreatedByRun { get; init; } = [];

    public const string KindName = "subject_restore";

    /// <summary>It may switch the subject to IMPORT, soft-delete versions and replace config and mode.</summary>
    [JsonIgnore]
    public override bool IsDestructive => true;

    [JsonIgnore]
    public override JsonNode? Before => LiveAtPlanning.ToJson();

    [JsonIgnore]
    public override JsonNode? After => RestoredState().ToJson();

    [JsonIgnore]
    public override (int Rank, int Version) UndoOrder => (ReferenceDepth, 0);

    [JsonIgnore]
    public override IReadOnlyList<RegistryScope> TransientModeScopes => [RegistryScope.ForSubject(Target)];

    public override string Describe() =>
        $"{Subject}: restore from backup {BackupId}: {RestoreWork.Of(LiveAtPlanning, Saved, CreatedByRun).Describe(LiveAtPlanning, Saved)}";

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        ApplyAsync(gateway, IStepRecorder.None, cancellationToken);

    public override Task ApplyAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken) =>
        SubjectRestorer.RestoreAsync(gateway, Target, LiveAtPlanning, Saved, CreatedByRun, steps, cancellationToken);

    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) =>
        UndoAsync(gateway, backup, IStepRecorder.None, cancellationToken);

    /// <summary>
    /// Restores <paramref name="backup"/> (the subject as it was just before this run) and removes the versions this
    /// restore registered that the subject did not have before.
    /// </summary>
    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken)
    {
        if (backup is null)
        {
            throw new InvalidOperationException($"{Subject}: undoing a restore needs the backup taken before it, and this run has none for the subject.");
        }

        var added = Saved.Versions.Select(v => v.Version).Where(n => LiveAtPlanning.Find(n) is null).ToList();
        return SubjectRestorer.RestoreAsync(gateway, Target, RestoredState(), backup, added, steps, cancellationToken);
    }

    /// <summary>The backed-up state plus the versions registered since the backup, which a restore keeps.</summary>
    private SubjectSnapshot RestoredState() =>
        SubjectSnapshot.Of(Saved).WithVersionsOnlyIn(LiveAtPlanning with { Versions = [.. LiveAtPlanning.Versions.Where(v => !CreatedByRun.Contains(v.Version))] });
}
