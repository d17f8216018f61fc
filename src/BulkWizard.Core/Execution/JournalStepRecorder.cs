using System.Text.Json.Nodes;
using BulkWizard.Core.Execution.Journal;

namespace BulkWizard.Core.Execution;

/// <summary>Writes each step of a change as a <see cref="RestoreStepEntry"/>, on disk before the step runs.</summary>
internal sealed class JournalStepRecorder(ExecutionJournal journal, int index, string subject) : IStepRecorder
{
    public async Task RecordAsync(string step, JsonNode? detail, CancellationToken cancellationToken) =>
        await journal.AppendAsync(new RestoreStepEntry(index, subject, step, detail), CancellationToken.None);
}
