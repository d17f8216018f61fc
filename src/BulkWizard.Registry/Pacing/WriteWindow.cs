namespace BulkWizard.Registry.Pacing;

/// <summary>
/// How many writes to one registry may be in flight at once, adapted AIMD-style (as TCP adapts its window):
/// a sign of strain (50002, rising latency) halves the writes in flight at that moment, at most once per round
/// (writes that started before the last decrease cannot cause another one); then every round of healthy writes (as many
/// as the window) widens it by one. Once it is wider than any number of writes seen in flight, it opens fully:
/// the run's own parallelism rules again. Counts writes, never time, so the same answers give the same window.
/// </summary>
internal sealed class WriteWindow
{
    /// <summary>No limit: the run's parallelism decides.</summary>
    public const int Open = int.MaxValue;

    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private int _limit = Open;
    private int _inFlight;
    private int _mostInFlight;
    private long _started;
    private long _lastDecreaseAt;
    private int _healthy;

    /// <summary>The current limit, <see cref="Open"/> when there is none.</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return _limit;
            }
        }
    }

    /// <summary>Waits for room in the window; the ticket says when the write started, for <see cref="Narrow"/>.</summary>
    public async ValueTask<long> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_inFlight < _limit && _waiting.Count == 0)
            {
                return Admit();
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.AddLast(waiter);
        }

        await using (cancellationToken.Register(() => Abandon(waiter, cancellationToken)))
        {
            await waiter.Task;
        }

        lock (_gate)
        {
            // The slot was handed over by WakeWaiters, which counted it in flight already.
            return ++_started;
        }
    }

    /// <summary>The write ended: its slot goes to the next waiting write.</summary>
    public void Exit()
    {
        lock (_gate)
        {
            _inFlight--;
            WakeWaiters();
        }
    }

    /// <summary>
    /// A write started at <paramref name="ticket"/> (null: a read, answered now) met strain: half the writes in flight
    /// may continue (at least one). The new limit, or null when this round was already narrowed.
    /// </summary>
    public int? Narrow(long? ticket)
    {
        lock (_gate)
        {
            if ((ticket ?? _started) <= _lastDecreaseAt)
            {
                return null;
            }

            _limit = Math.Max(1, Math.Min(_limit, _inFlight) / 2);
            _lastDecreaseAt = _started;
            _healthy = 0;
            return _limit;
        }
    }

    /// <summary>A write went well. The new limit when a round of them widened the window (<see cref="Open"/> once recovered), else null.</summary>
    public int? Healthy()
    {
        lock (_gate)
        {
            if (_limit == Open || ++_healthy < _limit)
            {
                return null;
            }

            _healthy = 0;
            _limit = _limit + 1 > _mostInFlight ? Open : _limit + 1;
            WakeWaiters();
            return _limit;
        }
    }

    private long Admit()
    {
        _inFlight++;
        _mostInFlight = Math.Max(_mostInFlight, _inFlight);
        return ++_started;
    }

    private void WakeWaiters()
    {
        while (_inFlight < _limit && _waiting.First is { } next)
        {
            _waiting.RemoveFirst();
            _inFlight++;
            _mostInFlight = Math.Max(_mostInFlight, _inFlight);
            next.Value.TrySetResult();
        }
    }

    private void Abandon(TaskCompletionSource waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Still waiting: leave the queue. Already admitted: the caller goes on and exits as usual.
            if (_waiting.Remove(waiter))
            {
                waiter.TrySetCanceled(cancellationToken);
            }
        }
    }
}
