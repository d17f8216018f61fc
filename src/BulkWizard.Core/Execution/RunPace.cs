using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Execution;

/// <summary>
/// Watches the pace of the registries a run writes to (<see cref="IRegistryGateway.WatchPace"/>) while it runs: counts
/// each slowdown for the result, and tells the person running it through a progress note that keeps the count
/// (<c>slowing down: registry asked to wait 2 s (429)</c>). Writes held by the writes-per-minute ceiling are counted
/// each time but noted once in a row, since under a ceiling most writes wait.
/// </summary>
internal sealed class RunPace(ProgressReporter progress)
{
    public const string SlowingDown = "slowing down: ";
    public const string SpeedingUp = "speeding up: ";

    private readonly Lock _gate = new();
    private readonly int[] _counts = new int[Enum.GetValues<PaceReason>().Length];
    private PaceReason? _lastNoted;
    private string? _last;
    private bool _namesRegistry;

    /// <summary>Watches each gateway until the handle is disposed.</summary>
    public IDisposable Watch(IReadOnlyList<IRegistryGateway> gateways)
    {
        _namesRegistry = gateways.Count > 1;
        return new Watches([.. gateways.Select(g => g.WatchPace(OnPace))]);
    }

    public RunSlowdowns Summary
    {
        get
        {
            lock (_gate)
            {
                return new RunSlowdowns(
                    _counts[(int)PaceReason.RateLimited], _counts[(int)PaceReason.OperationTimedOut], _counts[(int)PaceReason.LatencyRising],
                    _counts[(int)PaceReason.WriteCeiling], _last);
            }
        }
    }

    private void OnPace(PaceEvent change)
    {
        var message = _namesRegistry ? $"registry '{change.Registry}': {change.Message}" : change.Message;
        bool note;
        lock (_gate)
        {
            _counts[(int)change.Reason]++;
            note = change.Reason != PaceReason.WriteCeiling || _lastNoted != PaceReason.WriteCeiling;
            _lastNoted = change.Reason;
            if (change.Reason != PaceReason.Recovered)
            {
                _last = message;
            }
        }

        if (note)
        {
            progress.Note((change.Reason == PaceReason.Recovered ? SpeedingUp : SlowingDown) + message);
        }
    }

    private sealed class Watches(IReadOnlyList<IDisposable> watches) : IDisposable
    {
        public void Dispose()
        {
            foreach (var watch in watches)
            {
                watch.Dispose();
            }
        }
    }
}
