using BulkWizard.Core.Audit;

namespace BulkWizard.Server.Tools;

public sealed record AuditLogPage(IReadOnlyList<AuditEntry> Entries);
