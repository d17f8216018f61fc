using System.ComponentModel;
using BulkWizard.Core.Audit;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>The audit log of executed operations.</summary>
[McpServerToolType]
public sealed class AuditTools(AuditLog audit)
{
    [McpServerTool(Name = "get_audit_log", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The audit log of executed operations (dry runs are not logged), newest first: time, registry, operation, selection, plan id and hash, who confirmed (a person in a form or the assistant by tool call), task, status, counts (applied, undone, failed, conflicts, not run) and backup id.")]
    public async Task<AuditLogPage> GetAuditLog(
        [Description("Only entries at or after this time (ISO 8601, e.g. 2026-12-01T00:00:00Z); all when omitted.")] DateTimeOffset? since = null,
        [Description("At most this many entries, 1 to 10000 (default 100).")] int limit = AuditLog.DefaultLimit,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > AuditLog.MaxLimit)
        {
            throw new McpException($"limit: {limit} is not allowed; give 1 to {AuditLog.MaxLimit}.");
        }

        return new AuditLogPage(await audit.ReadAsync(since, limit, cancellationToken));
    }
}
