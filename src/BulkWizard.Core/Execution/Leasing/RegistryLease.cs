using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BulkWizard.Core.Execution.Locking;
using BulkWizard.Core.Registry;
using Confluent.SchemaRegistry;

namespace BulkWizard.Core.Execution.Leasing;

/// <summary>
/// An advisory lease on a registry, kept in the registry itself so that servers on other machines, with other data
/// directories, see it: the <c>defaultMetadata.properties</c> of the config of <see cref="ReservedSubjects.ExecutionLease"/>
/// (a config on a subject without versions does not create the subject). The REST API has no compare-and-set, so a
/// lease is written, left to settle, and read back: whoever's write is there then holds it, and the other backs off.
/// </summary>
internal sealed class RegistryLease
{
    public static readonly RegistryScope Scope = RegistryScope.ForSubject(QualifiedSubject.InDefaultContext(ReservedSubjects.ExecutionLease));

    private readonly IRegistryGateway _gateway;
    private readonly RegistryLeaseOptions _options;
    private readonly TimeProvider _time;

    private RegistryLease(IRegistryGateway gateway, LeaseHolder holder, RegistryLeaseOptions options, TimeProvider time)
    {
        _gateway = gateway;
        Holder = holder;
        _options = options;
        _time = time;
    }

    public string RegistryName => _gateway.Registry.Name;

    public LeaseHolder Holder { get; private set; }

    /// <summary>Takes the registry's lease, or says why the registry cannot hold one (the run then relies on the local lock alone).</summary>
    /// <exception cref="RegistryLeaseHeldException">Another owner holds a live lease, or won the race for it.</exception>
    public static async Task<LeaseAttempt> AcquireAsync(
        IRegistryGateway gateway, LeaseRequest request, RegistryLeaseOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(request);
        var shown = $"Registry '{gateway.Registry.Name}'";
        var capabilities = await gateway.GetCapabilitiesAsync(cancellationToken);
        if (capabilities.IsKnown && !capabilities.SupportsMetadataAndRuleSets)
        {
            return LeaseAttempt.Unavailable(
                $"{shown} reports release {capabilities.ReportedVersion}, before 7.4: its configs hold no metadata, so it cannot hold the execution lease. " +
                "Only this server's local lock guards the run; make sure no other server executes on it meanwhile.");
        }

        var existing = await ReadAsync(gateway, cancellationToken);
        if (existing is { } other && other.IsLive(time.GetUtcNow()) && !IsAbandoned(other))
        {
            throw Held(gateway, other);
        }

        var now = time.GetUtcNow();
        var mine = new LeaseHolder(
            RandomNumberGenerator.GetHexString(16, lowercase: true), ProcessProbe.HostName, ProcessProbe.CurrentProcessId, ProcessProbe.CurrentProcessStartTime,
            request.PlanId, request.TaskId, request.ConfirmedBy, now, now + options.Duration);

        // Known as live before it is written: a run of this process that reads it meanwhile must not take it for a leftover.
        LiveTokens.TryAdd(mine.Token, 0);
        try
        {
            return await WriteAndSettleAsync(gateway, mine, shown, options, time, cancellationToken);
        }
        catch
        {
            LiveTokens.TryRemove(mine.Token, out _);
            throw;
        }
    }

    private static async Task<LeaseAttempt> WriteAndSettleAsync(
        IRegistryGateway gateway, LeaseHolder mine, string shown, RegistryLeaseOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await TryWriteAsync(gateway, mine, cancellationToken) is { } refused)
        {
            LiveTokens.TryRemove(mine.Token, out _);
            return LeaseAttempt.Unavailable(Fallback(shown, refused));
        }

        if (options.SettleDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.SettleDelay, time, cancellationToken);
        }

        var settled = await ReadAsync(gateway, cancellationToken);
        if (settled is null)
        {
            LiveTokens.TryRemove(mine.Token, out _);
            return LeaseAttempt.Unavailable(Fallback(shown, "it did not keep the metadata written to the config of " + ReservedSubjects.ExecutionLease));
        }

        if (settled.Token != mine.Token)
        {
            // Another server wrote after us: its lease stands, ours is gone.
            throw Held(gateway, settled);
        }

        return LeaseAttempt.Held(new RegistryLease(gateway, mine, options, time));
    }

    /// <summary>Moves the expiry forward if the lease is still ours; null when renewed, else why not (lost, or the write failed).</summary>
    /// <returns>The holder who took the lease over, when it was lost; otherwise null.</returns>
    /// <exception cref="Exception">The registry could not be read or written; the lease stands until its expiry.</exception>
    public async Task<LeaseHolder?> RenewAsync(CancellationToken cancellationToken)
    {
        var current = await ReadAsync(_gateway, cancellationToken);
        if (current is not null && current.Token != Holder.Token)
        {
            return current;
        }

        var renewed = Holder with { ExpiresAt = _time.GetUtcNow() + _options.Duration };
        if (await TryWriteAsync(_gateway, renewed, cancellationToken) is { } refused)
        {
            throw new InvalidOperationException($"the registry refused the renewal: {refused}");
        }

        Holder = renewed;
        return null;
    }

    /// <summary>Removes the lease if it is still ours; never someone else's. Failures leave it to expire.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        // From here on a lease left behind (the registry refused the delete) is a leftover this process may take over.
        LiveTokens.TryRemove(Holder.Token, out _);
        if ((await ReadAsync(_gateway, cancellationToken))?.Token == Holder.Token)
        {
            await _gateway.DeleteConfigAsync(Scope, cancellationToken);
        }
    }

    /// <summary>The tokens of the leases runs of this process hold now.</summary>
    private static readonly ConcurrentDictionary<string, byte> LiveTokens = new(StringComparer.Ordinal);

    /// <summary>
    /// A lease nobody holds any more although it has not expired: its holder was on this host and its process is gone
    /// (killed, crashed), or it is this very process and no run of it holds the lease (a release the registry refused,
    /// e.g. after the run set READONLY). As with the local lock, a holder on another host always counts as alive.
    /// </summary>
    private static bool IsAbandoned(LeaseHolder holder)
    {
        if (holder.IsMalformed || !string.Equals(holder.Host, ProcessProbe.HostName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var process = new LockHolder(holder.ProcessId, holder.ProcessStartTime, holder.Host, holder.AcquiredAt, holder.Token);
        return !ProcessProbe.IsAlive(process)
            || (holder.ProcessId == ProcessProbe.CurrentProcessId && !LiveTokens.ContainsKey(holder.Token));
    }

    /// <summary>The lease the registry holds now; null when none.</summary>
    public static async Task<LeaseHolder?> ReadAsync(IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var config = await gateway.GetConfigAsync(Scope, cancellationToken);
        if (config?.Fields["defaultMetadata"]?["properties"] is not JsonObject properties)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in properties)
        {
            if (value is JsonValue text && text.TryGetValue<string>(out var s))
            {
                values[key] = s;
            }
        }

        return LeaseHolder.FromProperties(values);
    }

    /// <summary>Writes the holder; null when the registry accepted it, else what it said.</summary>
    private static async Task<string?> TryWriteAsync(IRegistryGateway gateway, LeaseHolder holder, CancellationToken cancellationToken)
    {
        var properties = new JsonObject();
        foreach (var (key, value) in holder.ToProperties())
        {
            properties[key] = value;
        }

        try
        {
            await gateway.PutConfigAsync(Scope, new RegistryConfig(new JsonObject { ["defaultMetadata"] = new JsonObject { ["properties"] = properties } }), cancellationToken);
            return null;
        }
        catch (SchemaRegistryException e) when (e.ErrorCode == RegistryErrorCodes.OperationNotPermitted)
        {
            return $"it refused the write of the config of {ReservedSubjects.ExecutionLease} because it is in READONLY mode ({e.Message})";
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"the write of the config of {ReservedSubjects.ExecutionLease} failed: {e.Message}";
        }
    }

    private static string Fallback(string shown, string why) =>
        $"{shown} cannot hold the execution lease: {why}. Only this server's local lock guards the run; make sure no other server executes on it meanwhile.";

    private static RegistryLeaseHeldException Held(IRegistryGateway gateway, LeaseHolder holder) =>
        new(gateway.Registry.Name, holder, holder.IsMalformed
            ? $"Registry '{gateway.Registry.Name}' holds an execution lease that does not read (config of {ReservedSubjects.ExecutionLease}). " +
              $"If no BulkWizard server executes on it, remove it with DELETE /config/{ReservedSubjects.ExecutionLease}. Nothing was changed."
            : $"Registry '{gateway.Registry.Name}' is leased to another BulkWizard server: {holder.Describe()}. One execution per registry at a time; " +
              "wait for it to finish (or for the lease to expire if that server stopped). Nothing was changed.");
}
