using System.Diagnostics;

namespace BulkWizard.Core.Execution;

/// <summary>One run's span and measurements: counted once, when the run has its result or ended on an exception.</summary>
internal sealed class RunTelemetry(Activity? activity, TagList tags, TimeProvider timeProvider) : IDisposable
{
    private readonly long _started = timeProvider.GetTimestamp();
    private string? _status;

    public void Finished(ExecutionResult result)
    {
        _status = result.TaskStatus.ToString().ToLowerInvariant();
        foreach (var (outcome, count) in result.Outcomes.Where(o => o.Value > 0))
        {
            ExecutionTelemetry.Items.Add(count, With(tags, "bulkwizard.outcome", Snake(outcome)));
        }

        if (result.Failed > 0)
        {
            ExecutionTelemetry.Errors.Add(result.Failed, With(tags, "bulkwizard.error", "failed"));
        }

        if (result.Conflicts > 0)
        {
            ExecutionTelemetry.Errors.Add(result.Conflicts, With(tags, "bulkwizard.error", "conflict"));
        }

        activity?.SetTag("bulkwizard.status", _status);
        activity?.SetTag("bulkwizard.applied", result.Applied);
        activity?.SetTag("bulkwizard.failed", result.Failed);
        activity?.SetTag("bulkwizard.conflicts", result.Conflicts);
        if (result.TaskStatus != Tasks.BulkTaskStatus.Completed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        }
    }

    public void Dispose()
    {
        if (_status is null)
        {
            // No result: the run ended on an exception.
            _status = "error";
            activity?.SetStatus(ActivityStatusCode.Error, "the run ended without a result");
        }

        var statusTags = With(tags, "bulkwizard.status", _status);
        ExecutionTelemetry.Operations.Add(1, statusTags);
        ExecutionTelemetry.Duration.Record(timeProvider.GetElapsedTime(_started).TotalSeconds, statusTags);
        activity?.Dispose();
    }

    private static TagList With(TagList tags, string key, object value)
    {
        var copy = tags;
        copy.Add(key, value);
        return copy;
    }

    private static string Snake(ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.NotRun => "not_run",
        ItemOutcome.WouldApply => "would_apply",
        ItemOutcome.UndoConflict => "undo_conflict",
        ItemOutcome.UndoFailed => "undo_failed",
        _ => outcome.ToString().ToLowerInvariant(),
    };
}
