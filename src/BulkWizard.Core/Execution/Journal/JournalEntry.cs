using System.Text.Json.Serialization;

namespace BulkWizard.Core.Execution.Journal;

/// <summary>
/// One line of an execution journal. <see cref="Sequence"/> and <see cref="At"/> are stamped by
/// <see cref="ExecutionJournal.AppendAsync"/>; the kind is written as <c>"kind"</c>.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(StartedEntry), "started")]
[JsonDerivedType(typeof(ApplyingEntry), "applying")]
[JsonDerivedType(typeof(AppliedEntry), "applied")]
[JsonDerivedType(typeof(FailedEntry), "failed")]
[JsonDerivedType(typeof(ConflictEntry), "conflict")]
[JsonDerivedType(typeof(UndoingEntry), "undoing")]
[JsonDerivedType(typeof(UndoneEntry), "undone")]
[JsonDerivedType(typeof(UndoConflictEntry), "undo_conflict")]
[JsonDerivedType(typeof(UndoFailedEntry), "undo_failed")]
[JsonDerivedType(typeof(RestoreStepEntry), "restore_step")]
[JsonDerivedType(typeof(VersionCreatedEntry), "version_created")]
[JsonDerivedType(typeof(VersionDeletedEntry), "version_deleted")]
[JsonDerivedType(typeof(InterruptedEntry), "interrupted")]
[JsonDerivedType(typeof(CompletedEntry), "completed")]
internal abstract record JournalEntry
{
    /// <summary>0 for the first line of a journal, then one more per line.</summary>
    [JsonPropertyOrder(-3)]
    public long Sequence { get; init; }

    [JsonPropertyOrder(-2)]
    public DateTimeOffset At { get; init; }
}
