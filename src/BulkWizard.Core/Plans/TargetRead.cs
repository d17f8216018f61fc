using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;

namespace BulkWizard.Core.Plans;

/// <summary>
/// One read of a change's target just before it is written: its comparable state (the drift check) and, when the
/// run keeps a backup, the backup entry of the parts the change can touch, taken from the same responses where the
/// change allows it.
/// </summary>
public sealed record TargetRead(JsonNode? State, SubjectBackup? Backup);
