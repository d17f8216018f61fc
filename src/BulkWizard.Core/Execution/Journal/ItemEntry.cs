using System.Text.Json.Serialization;

namespace BulkWizard.Core.Execution.Journal;

/// <summary>An entry about one change of the plan: its index in the plan's change list and its subject.</summary>
internal abstract record ItemEntry(
    [property: JsonPropertyOrder(-1)] int Index,
    [property: JsonPropertyOrder(-1)] string Subject) : JournalEntry;
