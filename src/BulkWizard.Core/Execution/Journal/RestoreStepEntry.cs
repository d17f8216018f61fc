using System.Text.Json.Nodes;

namespace BulkWizard.Core.Execution.Journal;

/// <summary>
/// One step of restoring a subject's versions (e.g. "mode IMPORT (force)", "register version 3 id 17",
/// "restore config", "restore mode"), written before the step runs.
/// </summary>
/// <param name="Index">The change the restore belongs to; null for a restore of a whole backup.</param>
internal sealed record RestoreStepEntry(int? Index, string Subject, string Step, JsonNode? Detail = null) : JournalEntry;
