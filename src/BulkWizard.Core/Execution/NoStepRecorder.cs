using System.Text.Json.Nodes;

namespace BulkWizard.Core.Execution;

/// <summary>Drops every step.</summary>
internal sealed class NoStepRecorder : IStepRecorder
{
    public Task RecordAsync(string step, JsonNode? detail, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordCreatedAsync(string subject, int version, int id, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordDeletedAsync(string subject, int version, bool permanent, CancellationToken cancellationToken) => Task.CompletedTask;
}
