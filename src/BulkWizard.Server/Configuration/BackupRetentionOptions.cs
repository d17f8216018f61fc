using BulkWizard.Core.Backups.Retention;

namespace BulkWizard.Server.Configuration;

/// <summary>
/// How long backups of runs are kept (section <c>BulkWizard:BackupRetention</c>). Default: every backup is kept.
/// Backups an unfinished, interrupted or undoable run may still need are kept whatever the limits say.
/// </summary>
public sealed class BackupRetentionOptions
{
    public const int MaxDays = 36_500;

    /// <summary>Backups created more than this many days ago are removed; unset keeps backups of any age.</summary>
    public int? MaxAgeDays { get; set; }

    /// <summary>Only the newest this many backups are kept; unset keeps any number.</summary>
    public int? MaxCount { get; set; }

    public BackupRetentionPolicy ToPolicy() => new(MaxAgeDays, MaxCount);
}
