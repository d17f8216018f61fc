using System.Text.Json.Nodes;

namespace BulkWizard.Core.Execution.Journal;

/// <summary>Someone changed the target after it was applied: the undo left it alone.</summary>
internal sealed record UndoConflictEntry(int Index, string Subject, JsonNode? Expected, JsonNode? Actual) : ItemEntry(Index, Subject);
