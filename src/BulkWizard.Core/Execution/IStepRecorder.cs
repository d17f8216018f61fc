using System.Text.Json.Nodes;

namespace BulkWizard.Core.Execution;

/// <summary>
/// Where a change made of several writes (e.g. a restore: IMPORT, registrations, config, mode) announces each
/// step before it runs, so that an interrupted change can be understood from the journal.
/// </summary>
public interface IStepRecorder
{
    /// <summary>A recorder that keeps nothing, for changes applied outside a run.</summary>
    static IStepRecorder None { get; } = new NoStepRecorder();

    Task RecordAsync(string step, JsonNode? detail, CancellationToken cancellationToken);
}
