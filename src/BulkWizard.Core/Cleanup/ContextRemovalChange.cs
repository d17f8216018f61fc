using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// Removes a context the cleanup empties (<c>DELETE /contexts/{ctx}</c>, 8.0.1+). The registry answers 204 even for an
/// unknown context, so the change verifies by listing contexts. It ranks below every delete, so it runs last and its
/// undo (nothing to write: a context comes back with its first schema) is checked after the subjects are restored.
/// The context's own config and mode are left by the registry, and so are not touched or backed up.
/// </summary>
/// <param name="Subject">The context as <c>:.ctx:</c>.</param>
[ChangeKind("context_removal")]
internal sealed record ContextRemovalChange(string Subject, int Rank) : PlannedChange(Subject)
{
    [JsonIgnore]
    public override ScopeParts Touches => ScopeParts.None;

    [JsonIgnore]
    public override bool IsDestructive => true;

    [JsonIgnore]
    public override JsonNode? Before => Listed(true);

    [JsonIgnore]
    public override JsonNode? After => Listed(false);

    [JsonIgnore]
    public override (int Rank, int Version) UndoOrder => (Rank, 0);

    public override string Describe() => $"{Subject}: remove the emptied context {Target.Context}";

    public override async Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        Listed((await gateway.ListContextsAsync(cancellationToken)).Contains(Target.Context));

    /// <summary>Nothing to back up: a context holds no state of its own that its removal takes away.</summary>
    public override async Task<TargetRead> ReadAsync(IRegistryGateway gateway, bool forBackup, CancellationToken cancellationToken) =>
        new(await ReadStateAsync(gateway, cancellationToken), null);

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        gateway.DeleteContextAsync(Target.Context, cancellationToken);

    /// <summary>Nothing to write: the context is listed again once the undone deletes register its subjects again.</summary>
    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) => Task.CompletedTask;

    private static JsonObject Listed(bool listed) => new() { ["listed"] = listed };
}
