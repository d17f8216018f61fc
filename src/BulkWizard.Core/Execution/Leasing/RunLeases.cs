using BulkWizard.Core.Registry;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Execution.Leasing;

/// <summary>
/// The leases of one run, one per registry it writes to: taken before anything is read for the backup, renewed while
/// it runs (every <see cref="RegistryLeaseOptions.RenewEvery"/>, well before they expire), released at the end.
/// A registry that cannot hold a lease adds a notice instead, and the run relies on the local lock there.
/// </summary>
internal sealed class RunLeases : IAsyncDisposable
{
    private readonly List<RegistryLease> _held;
    private readonly RegistryLeaseOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopRenewing = new();
    private Task _renewing = Task.CompletedTask;

    private RunLeases(List<RegistryLease> held, IReadOnlyList<string> notices, RegistryLeaseOptions options, TimeProvider time, ILogger logger)
    {
        _held = held;
        Notices = notices;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Why some registry relies on the local lock alone; empty when every registry holds a lease.</summary>
    public IReadOnlyList<string> Notices { get; }

    /// <summary>Takes every registry's lease in the given order; when one is held by another server, releases those taken and throws.</summary>
    /// <exception cref="RegistryLeaseHeldException">Another server holds one of them.</exception>
    public static async Task<RunLeases> AcquireAsync(
        IEnumerable<IRegistryGateway> gateways, LeaseRequest request, RegistryLeaseOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var held = new List<RegistryLease>();
        var notices = new List<string>();
        try
        {
            foreach (var gateway in gateways)
            {
                var attempt = await RegistryLease.AcquireAsync(gateway, request, options, time, cancellationToken);
                if (attempt.Lease is { } lease)
                {
                    held.Add(lease);
                    LeaseLog.Taken(logger, gateway.Registry.Name, request.PlanId, lease.Holder.ExpiresAt);
                }
                else
                {
                    notices.Add(attempt.Notice!);
                    LeaseLog.Unavailable(logger, gateway.Registry.Name, attempt.Notice!);
                }
            }
        }
        catch
        {
            await ReleaseAllAsync(held, logger);
            throw;
        }

        return new RunLeases(held, notices, options, time, logger);
    }

    /// <summary>Renews the leases in the background until disposed; <paramref name="lost"/> is called when another server took one over.</summary>
    public void StartRenewing(Action<string> lost)
    {
        if (_held.Count > 0)
        {
            _renewing = RenewLoopAsync(lost, _stopRenewing.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopRenewing.CancelAsync();
        await _renewing;
        _stopRenewing.Dispose();
        await ReleaseAllAsync(_held, _logger);
    }

    private async Task RenewLoopAsync(Action<string> lost, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_options.RenewEvery, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                foreach (var lease in _held.ToList())
                {
                    await RenewOneAsync(lease, lost, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
    }

    private async Task RenewOneAsync(RegistryLease lease, Action<string> lost, CancellationToken stop)
    {
        try
        {
            if (await lease.RenewAsync(stop) is { } taker)
            {
                _held.Remove(lease);
                var detail = $"the execution lease of registry '{lease.RegistryName}' was taken over by another server ({taker.Describe()})";
                lost(detail);
                LeaseLog.Lost(_logger, lease.RegistryName, detail);
                return;
            }

            LeaseLog.Renewed(_logger, lease.RegistryName, lease.Holder.ExpiresAt);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            // Tried again at the next tick; the lease holds until its expiry meanwhile.
            LeaseLog.NotRenewed(_logger, e, lease.RegistryName, lease.Holder.ExpiresAt);
        }
    }

    private static async Task ReleaseAllAsync(IEnumerable<RegistryLease> leases, ILogger logger)
    {
        foreach (var lease in leases)
        {
            try
            {
                await lease.ReleaseAsync(CancellationToken.None);
                LeaseLog.Released(logger, lease.RegistryName);
            }
            catch (Exception e)
            {
                // It expires by itself; another server may take it over then.
                LeaseLog.NotReleased(logger, e, lease.RegistryName, lease.Holder.ExpiresAt);
            }
        }
    }
}
