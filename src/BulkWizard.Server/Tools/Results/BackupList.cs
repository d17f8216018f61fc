using BulkWizard.Core.Backups;

namespace BulkWizard.Server.Tools.Results;

public sealed record BackupList(IReadOnlyList<BackupSummary> Backups);
