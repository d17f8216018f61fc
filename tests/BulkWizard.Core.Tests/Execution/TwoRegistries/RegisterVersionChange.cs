using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Tests.Execution.TwoRegistries;

/// <summary>
/// A test-only change kind, as a migration's would be: registers the first version of a subject in the registry the
/// change names, and says so through the typed step; undo deletes it for good.
/// </summary>
[ChangeKind("test_register_version")]
internal sealed record RegisterVersionChange(string Subject, string Schema) : PlannedChange(Subject)
{
    public override bool IsDestructive => false;

    public override JsonNode? Before => new JsonObject { ["versions"] = new JsonArray() };

    public override JsonNode? After => new JsonObject { ["versions"] = new JsonArray(1) };

    public override string Describe() => $"{Subject}: register version 1";

    public override async Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        var versions = await gateway.ListVersionsAsync(Target, DeletedFilter.IncludeDeleted, cancellationToken);
        return new JsonObject { ["versions"] = new JsonArray([.. versions.Order().Select(v => (JsonNode)v)]) };
    }

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        ApplyAsync(gateway, IStepRecorder.None, cancellationToken);

    public override async Task ApplyAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken)
    {
        var registered = (await gateway.RegisterAsync(Target, new RegisterSchemaRequest(Schema), cancellationToken)).GetValueOrThrow(gateway.Registry.Name, "register");
        await steps.RecordCreatedAsync(Subject, registered.Version ?? 1, registered.Id, cancellationToken);
    }

    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) =>
        UndoAsync(gateway, backup, IStepRecorder.None, cancellationToken);

    public override async Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken)
    {
        foreach (var kind in new[] { DeleteKind.Soft, DeleteKind.Permanent })
        {
            await steps.RecordDeletedAsync(Subject, 1, kind == DeleteKind.Permanent, cancellationToken);
            (await gateway.DeleteVersionAsync(Target, 1, kind, cancellationToken)).GetValueOrThrow(gateway.Registry.Name, "delete");
        }
    }
}
