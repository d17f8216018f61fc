using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;

namespace BulkWizard.Core.Plans;

/// <summary>
/// One exact change of a plan: its target, the state it expects before and leaves after, and how to
/// read, apply and undo it. Every operation type plugs in as a kind of change, named by <see cref="ChangeKindAttribute"/>
/// on its own type (<see cref="ChangeKinds"/>); the executor, backup, journal and rollback work on this contract only.
/// </summary>
public abstract record PlannedChange(string Subject)
{
    /// <summary>The registry this change acts on when it is not the plan's own; null for the plan's registry.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Registry { get; init; }

    /// <summary>
    /// A change of the same plan that must have been applied in this run before this one may run (e.g. a source subject
    /// is removed only after its copy was verified); when it was not, this change is not run. Null: no such condition.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChangeTarget? RequiresApplied { get; init; }

    /// <summary><see cref="Subject"/> parsed once (a context-only value such as <c>:.ctx:</c> for context-level changes).</summary>
    [JsonIgnore]
    public QualifiedSubject Target { get; } = QualifiedSubject.Parse(Subject);

    /// <summary>The config and mode scope the change acts on: the subject, a context (<c>:.ctx:</c>) or the global scope (empty).</summary>
    [JsonIgnore]
    public RegistryScope Scope => Target.Name.Length == 0 ? RegistryScope.ForContext(Target.Context) : RegistryScope.ForSubject(Target);

    /// <summary>
    /// The parts of its target's state this change can alter, and so what a run backs up before writing it. A change
    /// that touches only config has only its config backed up: one read, which is also its drift check.
    /// </summary>
    [JsonIgnore]
    public virtual ScopeParts Touches => ScopeParts.All;

    /// <summary>
    /// A change that prepares or checks for the others (a probe, a context a migration creates) rather than changing a
    /// subject: previews leave it out of the number of schemas the operation affects.
    /// </summary>
    [JsonIgnore]
    public virtual bool IsPreparation => false;

    /// <summary>Deletes, or switches to READONLY/IMPORT: needs a dry-run preview and a typed YES.</summary>
    [JsonIgnore]
    public abstract bool IsDestructive { get; }

    /// <summary>The live state this change expects to find; execution stops the item as a conflict when it differs.</summary>
    [JsonIgnore]
    public abstract JsonNode? Before { get; }

    /// <summary>The state the change leaves; undo acts only while the live state still equals it.</summary>
    [JsonIgnore]
    public abstract JsonNode? After { get; }

    /// <summary>One line for previews and results, e.g. <c>test-a: BACKWARD (inherited from global) → FULL</c>.</summary>
    public abstract string Describe();

    /// <summary>The target's current state, comparable with <see cref="Before"/> and <see cref="After"/>.</summary>
    public abstract Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken);

    public abstract Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the target once before a write: its state, and with <paramref name="forBackup"/> the backup entry of
    /// the parts in <see cref="Touches"/>. A change that can take both from the same responses overrides this.
    /// </summary>
    public virtual async Task<TargetRead> ReadAsync(IRegistryGateway gateway, bool forBackup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var backup = forBackup ? await ScopeStateReader.ReadAsync(gateway, Scope, Touches, cancellationToken) with { Registry = Registry } : null;
        return new TargetRead(await ReadStateAsync(gateway, cancellationToken), backup);
    }

    /// <summary>
    /// Applies the change and returns the target's state after it, to be verified against <see cref="After"/>. A change
    /// whose write response holds the stored state returns it instead of reading again.
    /// </summary>
    public virtual async Task<JsonNode?> ApplyAndReadAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken)
    {
        await ApplyAsync(gateway, steps, cancellationToken);
        return await ReadStateAsync(gateway, cancellationToken);
    }

    /// <summary>Undoes the change and returns the target's state after it, to be verified against <see cref="Before"/>.</summary>
    public virtual async Task<JsonNode?> UndoAndReadAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken)
    {
        await UndoAsync(gateway, backup, steps, cancellationToken);
        return await ReadStateAsync(gateway, cancellationToken);
    }

    /// <summary>Puts back the state before, from the change itself or from the subject's backup.</summary>
    public abstract Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the change, telling <paramref name="steps"/> about each step of several writes before it runs
    /// (the executor journals them). A change made of one write ignores it.
    /// </summary>
    public virtual Task ApplyAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken) =>
        ApplyAsync(gateway, cancellationToken);

    /// <summary>Undoes the change, telling <paramref name="steps"/> about each step before it runs.</summary>
    public virtual Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken) =>
        UndoAsync(gateway, backup, cancellationToken);

    /// <summary>
    /// Scopes whose mode this change switches only while it runs (e.g. IMPORT to restore versions). When applying
    /// or undoing it stops half-way, the executor puts back the mode each scope had just before.
    /// </summary>
    [JsonIgnore]
    public virtual IReadOnlyList<RegistryScope> TransientModeScopes => [];

    /// <summary>
    /// Order between changes that depend on each other. <c>Rank</c>: a plan lists its changes in ascending rank and a run
    /// starts a rank only when the one before has finished; undo goes in descending rank, then higher versions first.
    /// A change that creates what others reference ranks below them (restore: referenced subjects first); a change that
    /// deletes what others reference ranks above them (cleanup: referrers deleted first, and so restored last).
    /// </summary>
    [JsonIgnore]
    public virtual (int Rank, int Version) UndoOrder => (0, 0);

    public static bool SameState(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
