using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Backups;

/// <summary>
/// Everything needed to put one subject back: every version, soft-deleted ones included, with schema,
/// type, references, id, version, metadata, rule set and deleted flag; and the subject's own config and
/// mode as read without <c>defaultToGlobal</c> (null: none was set, the subject inherited).
/// </summary>
public sealed record SubjectBackup(string Subject, IReadOnlyList<SchemaVersion> Versions, JsonObject? Config, string? Mode);
