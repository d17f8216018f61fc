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

    /// <summary>A version the change registered, once the registry confirmed it (a typed journal entry restore reads).</summary>
    Task RecordCreatedAsync(string subject, int version, int id, CancellationToken cancellationToken);

    /// <summary>A version the change is about to delete, before the delete is sent.</summary>
    Task RecordDeletedAsync(string subject, int version, bool permanent, CancellationToken cancellationToken);
}
