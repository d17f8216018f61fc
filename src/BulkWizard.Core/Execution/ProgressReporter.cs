namespace BulkWizard.Core.Execution;

/// <summary>
/// Counts processed items and undo steps and reports them one at a time, so that processed strictly increases
/// even when items finish in parallel (a <see cref="Note"/> repeats the count with a new message). The total grows once, when a rollback adds its undo steps.
/// </summary>
internal sealed class ProgressReporter(Action<int, int, string>? sink, int total, Action<Exception> onSinkFailure)
{
    private readonly Lock _gate = new();
    private int _processed;
    private int _total = total;

    public int Processed
    {
        get
        {
            lock (_gate)
            {
                return _processed;
            }
        }
    }

    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>One more item or undo step done.</summary>
    public void Step(string message) => Advance(1, message);

    /// <summary>Items that will not run, counted at once so that the count still ends at the total.</summary>
    public void Advance(int count, string message)
    {
        if (count <= 0)
        {
            return;
        }

        lock (_gate)
        {
            _processed += count;
            Publish(message);
        }
    }

    /// <summary>A note about the run (its pace) that keeps the count: only the message changes.</summary>
    public void Note(string message)
    {
        lock (_gate)
        {
            Publish(message);
        }
    }

    public void AddToTotal(int steps)
    {
        lock (_gate)
        {
            _total += steps;
        }
    }

    private void Publish(string message)
    {
        if (sink is null)
        {
            return;
        }

        try
        {
            sink(_processed, _total, message);
        }
        catch (Exception e)
        {
            // A listener's failure must not change what the run does to the registry.
            onSinkFailure(e);
        }
    }
}
