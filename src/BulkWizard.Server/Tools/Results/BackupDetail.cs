using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;

namespace BulkWizard.Server.Tools.Results;

/// <summary>A backup as <c>get_backup</c> shows it: per subject its versions (without schema text, to stay small), config and mode.</summary>
public sealed record BackupDetail(string BackupId, string Registry, string PlanId, string OperationType, DateTimeOffset CreatedAt, IReadOnlyList<BackupDetail.Subject> Subjects)
{
    /// <summary>The whole backup, schema text included, as an MCP resource (resources/read).</summary>
    public string ResourceUri => Resources.ResourceUris.Backup(BackupId);

    public static BackupDetail Of(Backup backup) => new(
        backup.Id,
        backup.Registry,
        backup.PlanId,
        backup.OperationType,
        backup.CreatedAt,
        [.. backup.Subjects.Select(s => new Subject(
            s.Subject,
            [.. s.Versions.Select(v => new Version(v.Version, v.Id, v.SchemaType, v.Deleted == true, v.References.Count, v.Metadata))],
            s.Config,
            s.Mode))]);

    public sealed record Subject(string Name, IReadOnlyList<Version> Versions, JsonObject? Config, string? Mode);

    public sealed record Version(int Number, int Id, string SchemaType, bool Deleted, int References, JsonObject? Metadata);
}
