using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// Deletes versions of one subject: soft-deletes <see cref="SoftDelete"/>, then permanently deletes
/// <see cref="PermanentDelete"/> (the registry's two steps; a version already soft-deleted goes straight to the second).
/// When every version goes, one <c>DELETE /subjects/{s}</c> per step does it. Undo is the restore path: the subject as
/// backed up just before, versions re-registered with their ids and numbers in IMPORT, soft-deleted ones soft-deleted
/// again, config and mode put back.
/// </summary>
/// <param name="LiveAtPlanning">The subject when the plan was made: the change's before.</param>
/// <param name="Rank">Above every subject whose deleted versions reference this one's: referrers go first, and come back last.</param>
[ChangeKind("subject_cleanup")]
internal sealed record SubjectCleanupChange(
    string Subject, IReadOnlyList<int> SoftDelete, IReadOnlyList<int> PermanentDelete, SubjectSnapshot LiveAtPlanning, int Rank)
    : PlannedChange(Subject)
{
    /// <summary>The record names of the subject's versions, for mapping it to a topic by TopicRecordNameStrategy.</summary>
    public IReadOnlyList<string> RecordNames { get; init; } = [];

    /// <summary>Schema ids that stop resolving once this change (and the plan's other deletes) are applied.</summary>
    public IReadOnlyList<int> IdsRemoved { get; init; } = [];

    [JsonIgnore]
    public override bool IsDestructive => true;

    [JsonIgnore]
    public bool Permanent => PermanentDelete.Count > 0;

    [JsonIgnore]
    public override JsonNode? Before => CleanupState.Of(LiveAtPlanning);

    [JsonIgnore]
    public override JsonNode? After => CleanupState.Of(LeftBehind());

    [JsonIgnore]
    public override (int Rank, int Version) UndoOrder => (Rank, 0);

    /// <summary>The undo switches the subject to IMPORT to re-register versions; a stopped undo must not leave it there.</summary>
    [JsonIgnore]
    public override IReadOnlyList<RegistryScope> TransientModeScopes => [RegistryScope.ForSubject(Target)];

    public override string Describe()
    {
        var parts = new List<string>();
        if (SoftDelete.Count > 0)
        {
            parts.Add($"soft-delete {Versions(SoftDelete)}");
        }

        if (PermanentDelete.Count > 0)
        {
            parts.Add($"permanently delete {Versions(PermanentDelete)}");
        }

        var kept = LiveAtPlanning.Versions.Where(v => !v.Deleted && !SoftDelete.Contains(v.Version)).Select(v => v.Version).ToList();
        parts.Add(kept.Count == 0 ? "no live version left" : $"keeps {Versions(kept)}");
        return $"{Subject}: {string.Join("; ", parts)}";
    }

    public override Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        ReadLightAsync(gateway, cancellationToken);

    /// <summary>For a backup, one full read of the subject serves as the drift check too; otherwise the light read.</summary>
    public override async Task<TargetRead> ReadAsync(IRegistryGateway gateway, bool forBackup, CancellationToken cancellationToken)
    {
        if (!forBackup)
        {
            return new TargetRead(await ReadLightAsync(gateway, cancellationToken), null);
        }

        var read = await ScopeStateReader.ReadAsync(gateway, Scope, ScopeParts.All, cancellationToken) with { Registry = Registry };
        return new TargetRead(CleanupState.Of(read), read);
    }

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        ApplyAsync(gateway, IStepRecorder.None, cancellationToken);

    public override async Task ApplyAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken)
    {
        var registry = gateway.Registry.Name;
        if (SoftDelete.Count > 0)
        {
            foreach (var version in SoftDelete)
            {
                await steps.RecordDeletedAsync(Subject, version, permanent: false, cancellationToken);
            }

            if (SoftDelete.Count == LiveAtPlanning.Versions.Count(v => !v.Deleted))
            {
                (await gateway.DeleteSubjectAsync(Target, DeleteKind.Soft, cancellationToken)).GetValueOrThrow(registry, $"soft-deleting {Subject}");
            }
            else
            {
                foreach (var version in SoftDelete)
                {
                    (await gateway.DeleteVersionAsync(Target, version, DeleteKind.Soft, cancellationToken))
                        .GetValueOrThrow(registry, $"soft-deleting version {version} of {Subject}");
                }
            }
        }

        if (PermanentDelete.Count == 0)
        {
            return;
        }

        foreach (var version in PermanentDelete)
        {
            await steps.RecordDeletedAsync(Subject, version, permanent: true, cancellationToken);
        }

        if (PermanentDelete.Count == LiveAtPlanning.Versions.Count)
        {
            (await gateway.DeleteSubjectAsync(Target, DeleteKind.Permanent, cancellationToken)).GetValueOrThrow(registry, $"permanently deleting {Subject}");
            return;
        }

        foreach (var version in PermanentDelete)
        {
            (await gateway.DeleteVersionAsync(Target, version, DeleteKind.Permanent, cancellationToken))
                .GetValueOrThrow(registry, $"permanently deleting version {version} of {Subject}");
        }
    }

    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) =>
        UndoAsync(gateway, backup, IStepRecorder.None, cancellationToken);

    /// <summary>Puts the subject back as <paramref name="backup"/> (taken just before this change) holds it, through the restore path.</summary>
    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken) =>
        backup is null
            ? throw new InvalidOperationException($"{Subject}: undoing a cleanup needs the backup taken before it, and this run has none for the subject.")
            : SubjectRestorer.RestoreAsync(gateway, Target, LeftBehind(), backup, [], steps, cancellationToken);

    /// <summary>The subject as this change leaves it; the registry removes a subject's config and mode with its last version.</summary>
    private SubjectSnapshot LeftBehind()
    {
        var remaining = LiveAtPlanning.Versions
            .Where(v => !PermanentDelete.Contains(v.Version))
            .Select(v => v with { Deleted = v.Deleted || SoftDelete.Contains(v.Version) })
            .ToList();
        return remaining.Count == 0 ? new SubjectSnapshot([], null, null) : LiveAtPlanning with { Versions = remaining };
    }

    private async Task<JsonNode?> ReadLightAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        await CleanupState.ReadAsync(gateway, Target, cancellationToken);

    private static string Versions(IReadOnlyCollection<int> versions) =>
        (versions.Count == 1 ? "version " : "versions ") + string.Join(", ", versions.Order());
}
