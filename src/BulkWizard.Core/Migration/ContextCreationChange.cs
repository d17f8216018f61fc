using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// Stands for a named target context that the migration brings into being: nothing to write (the registry lists a
/// context once something is written into it), but once the copies are undone the context stays listed, empty,
/// until <c>DELETE /contexts/{ctx}</c> (8.0.1+) removes it. It ranks below every copy, so it is undone last, when
/// the context is empty again, and a rolled-back migration leaves no context behind.
/// </summary>
/// <param name="Subject">The context as <c>:.ctx:</c>.</param>
[ChangeKind("context_creation")]
internal sealed record ContextCreationChange(string Subject) : PlannedChange(Subject)
{
    /// <summary>Below the rule-set check and every copy: applied first, undone last.</summary>
    public const int Rank = RuleSetProbeChange.Rank - 1;

    [JsonIgnore]
    public override ScopeParts Touches => ScopeParts.None;

    [JsonIgnore]
    public override bool IsDestructive => false;

    [JsonIgnore]
    public override bool IsPreparation => true;

    /// <summary>Not observed: whether the context is listed depends on the copies, not on this change.</summary>
    [JsonIgnore]
    public override JsonNode? Before => null;

    [JsonIgnore]
    public override JsonNode? After => null;

    [JsonIgnore]
    public override (int Rank, int Version) UndoOrder => (Rank, 0);

    public override string Describe() =>
        $"{Subject}: new context {Target.Context}{(Registry is null ? "" : $" on registry '{Registry}'")} (removed again if the migration is rolled back)";

    public override Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);

    public override Task<TargetRead> ReadAsync(IRegistryGateway gateway, bool forBackup, CancellationToken cancellationToken) =>
        Task.FromResult(new TargetRead(null, null));

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task<JsonNode?> ApplyAndReadAsync(IRegistryGateway gateway, Execution.IStepRecorder steps, CancellationToken cancellationToken) =>
        Task.FromResult<JsonNode?>(null);

    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) =>
        UndoAndReadAsync(gateway, backup, Execution.IStepRecorder.None, cancellationToken);

    /// <summary>Removes the context when it is listed, and checks it no longer is (the registry answers 204 for any name).</summary>
    public override async Task<JsonNode?> UndoAndReadAsync(IRegistryGateway gateway, SubjectBackup? backup, Execution.IStepRecorder steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        if (!(await gateway.ListContextsAsync(cancellationToken)).Contains(Target.Context))
        {
            return null;
        }

        await gateway.DeleteContextAsync(Target.Context, cancellationToken);
        return (await gateway.ListContextsAsync(cancellationToken)).Contains(Target.Context)
            ? throw new InvalidOperationException($"context {Target.Context} is still listed after DELETE /contexts; something else was written into it.")
            : null;
    }
}
