using System.Text.Json.Nodes;
using BulkWizard.Core.Execution.Journal;

namespace BulkWizard.Core.Execution;

/// <summary>Writes each step of a change to the journal, on disk before the step runs; versions as typed entries.</summary>
internal sealed class JournalStepRecorder(ExecutionJournal journal, int index, string subject, string? registry) : IStepRecorder
{
    public async Task RecordAsync(string step, JsonNode? detail, CancellationToken cancellationToken) =>
        await journal.AppendAsync(new RestoreStepEntry(index, subject, step, detail), CancellationToken.None);

    public async Task RecordCreatedAsync(string versionSubject, int version, int id, CancellationToken cancellationToken) =>
        await journal.AppendAsync(new VersionCreatedEntry(index, versionSubject, version, id, registry), CancellationToken.None);

    public async Task RecordDeletedAsync(string versionSubject, int version, bool permanent, CancellationToken cancellationToken) =>
        await journal.AppendAsync(new VersionDeletedEntry(index, versionSubject, version, permanent, registry), CancellationToken.None);
}
