using System.Text.Json;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Backups;

/// <summary>A whole backup as JSON, in the form it is stored in (schema text included).</summary>
public static class BackupJson
{
    public static string Serialize(Backup backup) => JsonSerializer.Serialize(backup, StorageJson.Options);
}
