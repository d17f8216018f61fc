using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Recovery;

/// <summary>
/// A change a finished run applied, planned in reverse: its after-state is this change's before, so it acts only while
/// the target is still as the run left it (anything changed since is a conflict, left alone and reported), and applying
/// it is the change's own undo, the one a rollback runs. Undoing this one applies the change again.
/// </summary>
/// <param name="Inner">The change as the run applied it.</param>
/// <param name="Entry">The run's backup entry of the target, which undoing a change that rewrites a whole subject needs.</param>
[ChangeKind("undo")]
internal sealed record UndoneChange(PlannedChange Inner, SubjectBackup? Entry) : PlannedChange(Inner.Subject)
{
    [JsonIgnore]
    public override ScopeParts Touches => Inner.Touches;

    /// <summary>It puts back what the run replaced, over what is there: confirmed like a restore.</summary>
    [JsonIgnore]
    public override bool IsDestructive => true;

    [JsonIgnore]
    public override JsonNode? Before => Inner.After;

    [JsonIgnore]
    public override JsonNode? After => Inner.Before;

    /// <summary>In the order a rollback undoes: the ranks reversed, then higher versions first.</summary>
    [JsonIgnore]
    public override (int Rank, int Version) UndoOrder => (-Inner.UndoOrder.Rank, -Inner.UndoOrder.Version);

    [JsonIgnore]
    public override IReadOnlyList<RegistryScope> TransientModeScopes => Inner.TransientModeScopes;

    public override string Describe() => "undo " + Inner.Describe();

    public override Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        Inner.ReadStateAsync(gateway, cancellationToken);

    public override Task<TargetRead> ReadAsync(IRegistryGateway gateway, bool forBackup, CancellationToken cancellationToken) =>
        Inner.ReadAsync(gateway, forBackup, cancellationToken);

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        Inner.UndoAsync(gateway, Entry, cancellationToken);

    public override Task ApplyAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken) =>
        Inner.UndoAsync(gateway, Entry, steps, cancellationToken);

    public override Task<JsonNode?> ApplyAndReadAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken) =>
        Inner.UndoAndReadAsync(gateway, Entry, steps, cancellationToken);

    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) =>
        Inner.ApplyAsync(gateway, cancellationToken);

    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken) =>
        Inner.ApplyAsync(gateway, steps, cancellationToken);

    public override Task<JsonNode?> UndoAndReadAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken) =>
        Inner.ApplyAndReadAsync(gateway, steps, cancellationToken);
}
