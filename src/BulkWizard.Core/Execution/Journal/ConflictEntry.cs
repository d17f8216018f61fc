using System.Text.Json.Nodes;

namespace BulkWizard.Core.Execution.Journal;

/// <summary>The live state no longer matched the plan's before; the change was not made.</summary>
internal sealed record ConflictEntry(int Index, string Subject, JsonNode? Expected, JsonNode? Actual) : ItemEntry(Index, Subject);
