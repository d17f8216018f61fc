using System.ComponentModel;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution.Journal;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tools.Results;
using BulkWizard.Server.Wizard;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>The backups taken before runs: list them, read one, restore one.</summary>
[McpServerToolType]
public sealed class BackupTools(IBackupStore backups, IRegistryGatewayProvider registries, PlanService planning, WizardConversation conversation, WizardReplies replies, TimeProvider clock)
{
    [McpServerTool(Name = "restore_backup", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [McpMeta(Apps.PlanReviewApp.ToolMetaKey, JsonValue = Apps.PlanReviewApp.ToolMetaJson)]
    [Description("Puts the subjects of a backup back as they were: versions (same ids and versions, through IMPORT mode where needed), config and mode. Planned, previewed and confirmed like any destructive operation: with a client that shows forms the person sees the preview and the dry run and types YES; without, this returns the plan, to run with confirm_bulk_operation (dry_run true, then dry_run false with confirmation YES). The restore itself is backed up first.")]
    public Task<WizardReply> RestoreBackup(
        McpServer server,
        RequestContext<CallToolRequestParams> request,
        [Description(ToolText.BackupId)] string backup_id,
        [Description("Disaster recovery: restore into this configured registry instead of the one the backup was taken from (a backup of one registry only); previewed as such.")] string? target_registry = null,
        [Description(ToolText.WaitSeconds)] int wait_seconds = ExecutionLauncher.DefaultWaitSeconds,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registries.Default.Name, async () =>
        {
            await using var progress = OrderedProgress.For(server, request);
            if (conversation.SessionIdFrom(request.Params?.RequestState) is not null)
            {
                // A retried call of the confirmation rounds: the plan is in the session already.
                return await conversation.ConfirmAsync(server, request, plan: null, wait_seconds, progress, cancellationToken);
            }

            var backup = await LoadAsync(backup_id, cancellationToken);
            OperationPlan planned;
            if (target_registry is not null && !string.Equals(target_registry, backup.Registry, StringComparison.OrdinalIgnoreCase))
            {
                planned = await new RestorePlanner(registries.Get(target_registry), clock, registries).PlanIntoAsync(backup, RestorePace(backup), cancellationToken);
            }
            else
            {
                var created = await RunCreations.ReadAsync(Path.Combine(backups.GetFolder(backup.Id), ExecutionJournal.FileName), cancellationToken);
                planned = await new RestorePlanner(registries.Get(backup.Registry), clock, registries).PlanAsync(backup, RestorePace(backup), cancellationToken, created);
            }

            var plan = await planning.SaveAsync(planned, cancellationToken);
            return ClientForms.Available(server)
                ? await conversation.ConfirmAsync(server, request, plan, wait_seconds, progress, cancellationToken)
                : replies.PlannedReply(plan);
        });

    [McpServerTool(Name = "list_backups", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The backups and archives (of version archivals) in the data directory, newest first: id, kind, registry, plan, operation, time, subject and version counts; a damaged one is listed with its problem. restore_backup takes either.")]
    public async Task<BackupList> ListBackups(
        [Description("Only backups of this registry; all when omitted.")] string? registry = null,
        CancellationToken cancellationToken = default)
    {
        var all = await backups.ListAsync(cancellationToken);
        return new BackupList([.. all.Where(b => registry is null || string.Equals(b.Registry, registry, StringComparison.OrdinalIgnoreCase))]);
    }

    [McpServerTool(Name = "get_backup", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("One backup, checksum verified: for each subject its versions (id, version, type, deleted flag, references, metadata; schema text left out), its own config and mode.")]
    public Task<BackupDetail> GetBackup(
        [Description(ToolText.BackupId)] string backup_id,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registries.Default.Name, async () =>
        {
            return BackupDetail.Of(await LoadAsync(backup_id, cancellationToken));
        });

    private async Task<Backup> LoadAsync(string backupId, CancellationToken cancellationToken)
    {
        try
        {
            return await backups.LoadAsync(backupId, cancellationToken);
        }
        catch (Exception e) when (e is BackupNotFoundException or BackupCorruptedException)
        {
            throw new McpException($"backup_id: {e.Message}", e);
        }
    }

    /// <summary>A restore runs at the pace of the run it undoes (its batches, parallelism, delay and canary), with backup and rollback on.</summary>
    private static BulkOperationConfig RestorePace(Backup backup) => backup.RunConfig is { } run
        ? new BulkOperationConfig { BatchSize = run.BatchSize, MaxParallel = run.MaxParallel, DelayBetweenBatches = run.DelayBetweenBatches, Canary = run.Canary }
        : new BulkOperationConfig();
}
