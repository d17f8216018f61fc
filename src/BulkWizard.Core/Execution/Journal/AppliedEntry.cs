using System.Text.Json.Nodes;

namespace BulkWizard.Core.Execution.Journal;

/// <summary>The change is in the registry: the state found before it and the state it left.</summary>
internal sealed record AppliedEntry(int Index, string Subject, JsonNode? Before, JsonNode? After) : ItemEntry(Index, Subject);
