using System.ComponentModel;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Registry;
using BulkWizard.Server.Tools.Results;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>The backups taken before runs: list them and read one.</summary>
[McpServerToolType]
public sealed class BackupTools(IBackupStore backups, IRegistryGatewayProvider registries)
{
    [McpServerTool(Name = "list_backups", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The backups in the data directory, newest first: id, registry, plan, operation, time, subject and version counts; a damaged backup is listed with its problem.")]
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
        [Description("The backup_id, e.g. from list_backups or a task result.")] string backup_id,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registries.Default.Name, async () =>
        {
            try
            {
                return BackupDetail.Of(await backups.LoadAsync(backup_id, cancellationToken));
            }
            catch (Exception e) when (e is BackupNotFoundException or BackupCorruptedException)
            {
                throw new McpException($"backup_id: {e.Message}", e);
            }
        });
}
