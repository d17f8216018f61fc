namespace BulkWizard.Server.Configuration;

/// <summary>Checks <c>BulkWizard:BackupDirectory</c> and <c>BulkWizard:BackupRetention</c>, naming the field and what is allowed.</summary>
public static class BackupSettingsValidator
{
    public static void Validate(BulkWizardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = BulkWizardOptions.SectionName;
        if (options.BackupDirectory is { } directory)
        {
            var trimmed = directory.Trim();
            if (trimmed.Length == 0 || !(Path.IsPathFullyQualified(trimmed) || trimmed == "~" || trimmed.StartsWith("~/", StringComparison.Ordinal)))
            {
                throw new ConfigurationException(
                    $"{section}:BackupDirectory='{directory}' is not an absolute path: give one (or one starting with ~/), or leave it out to keep backups in the data directory.");
            }

            if (File.Exists(Core.Storage.DataDirectory.ExpandHome(trimmed)))
            {
                throw new ConfigurationException($"{section}:BackupDirectory='{directory}' is a file, not a directory.");
            }
        }

        var retention = options.BackupRetention;
        if (retention.MaxAgeDays is < 1 or > BackupRetentionOptions.MaxDays)
        {
            throw new ConfigurationException(
                $"{section}:BackupRetention:MaxAgeDays={retention.MaxAgeDays} is out of range: allowed 1 to {BackupRetentionOptions.MaxDays}, or leave it out to keep backups of any age.");
        }

        if (retention.MaxCount is < 1)
        {
            throw new ConfigurationException(
                $"{section}:BackupRetention:MaxCount={retention.MaxCount} is out of range: allowed 1 or more, or leave it out to keep any number of backups.");
        }
    }
}
