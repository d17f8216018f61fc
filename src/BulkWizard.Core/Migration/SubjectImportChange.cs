using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;

namespace BulkWizard.Core.Migration;

/// <summary>
/// Copies one subject into the target (its registry, <see cref="PlannedChange.Registry"/>, when it is not the plan's):
/// its versions with their ids and version numbers through IMPORT on this subject only, then the copied config and
/// mode, the target's mode put back otherwise. It is the restore path with the copy as the state to reach: the run
/// verifies every version by id and number (an id names one schema in a context) and the imported ones by references,
/// metadata and rule set (<see cref="CopyVerification"/>), and undo removes what it registered
/// and puts the target subject back as backed up.
/// </summary>
/// <param name="Subject">The target subject.</param>
/// <param name="Source">The source subject, as the plan's registry names it.</param>
/// <param name="Copy">The target subject as it should be: its versions before plus the imported ones, and its config and mode.</param>
/// <param name="TargetAtPlanning">The target subject when the plan was made: the change's before.</param>
/// <param name="Rank">Above the subjects its versions reference: those are copied first.</param>
[ChangeKind("subject_import")]
internal sealed record SubjectImportChange(string Subject, string Source, SubjectBackup Copy, SubjectSnapshot TargetAtPlanning, int Rank)
    : WholeSubjectChange(Subject)
{
    /// <summary>
    /// What governs registrations differently for the copy than for the source subject (<see cref="EffectiveConfigDifferences"/>),
    /// told by the preview; null when nothing differs.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ConfigDifferences { get; init; }

    /// <summary>The version numbers this change registers.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> Imported => [.. Copy.Versions.Select(v => v.Version).Where(n => TargetAtPlanning.Find(n) is null)];

    /// <summary>It switches the target subject to IMPORT while it runs.</summary>
    [JsonIgnore]
    public override bool IsDestructive => true;

    [JsonIgnore]
    public override JsonNode? Before => TargetAtPlanning.ToJson();

    [JsonIgnore]
    public override JsonNode? After => SubjectSnapshot.Of(Copy).ToJson();

    [JsonIgnore]
    public override (int Rank, int Version) UndoOrder => (Rank, 0);

    [JsonIgnore]
    public override IReadOnlyList<RegistryScope> TransientModeScopes => [RegistryScope.ForSubject(Target)];

    public override string Describe()
    {
        var imported = Imported;
        var where = Registry is null ? "" : $" on registry '{Registry}'";
        return $"{Source} → {Subject}{where}: import version(s) {string.Join(", ", imported.Select(n => $"{n} (id {Copy.Versions.First(v => v.Version == n).Id})"))}" +
            (Copy.Config is null ? "" : $"; config {Copy.Config.ToJsonString()}") + (Copy.Mode is null ? "" : $"; mode {Copy.Mode}") +
            EffectiveConfigDifferences.Describe(ConfigDifferences);
    }

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        ApplyAsync(gateway, IStepRecorder.None, cancellationToken);

    public override Task ApplyAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken) =>
        SubjectRestorer.RestoreAsync(gateway, Target, TargetAtPlanning, Copy, [], steps, cancellationToken);

    /// <summary>Imports, then reads the subject back once: its numbers and ids for the executor, and the imported content checked here.</summary>
    public override async Task<JsonNode?> ApplyAndReadAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken)
    {
        await ApplyAsync(gateway, steps, cancellationToken);
        var stored = await ScopeStateReader.ReadAsync(gateway, Scope, ScopeParts.All, cancellationToken);
        var imported = Imported.ToHashSet();
        CopyVerification.Check(Subject, Copy.Versions.Where(v => imported.Contains(v.Version)), stored.Versions, exact: true);
        return SubjectSnapshot.Of(stored).ToJson();
    }

    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) =>
        UndoAsync(gateway, backup, IStepRecorder.None, cancellationToken);

    /// <summary>Puts the target subject back as backed up just before, removing the versions this change registered.</summary>
    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken) =>
        backup is null
            ? throw new InvalidOperationException($"{Subject}: undoing an import needs the backup taken before it, and this run has none for the subject.")
            : SubjectRestorer.RestoreAsync(gateway, Target, SubjectSnapshot.Of(Copy), backup, Imported, steps, cancellationToken);
}
