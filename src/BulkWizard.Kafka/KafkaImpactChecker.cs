using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Registry;
using BulkWizard.Kafka.Clients;
using BulkWizard.Kafka.Impact;
using BulkWizard.Kafka.Topics;

namespace BulkWizard.Kafka;

/// <summary>
/// The consumer-impact check against the Kafka cluster configured for each registry (<see cref="RegistryOptions.Kafka"/>).
/// It only reads: metadata, watermarks, consumer groups and their committed offsets, topic configs, and retained
/// messages through a consumer that is assigned partitions and never joins a group.
/// </summary>
public sealed class KafkaImpactChecker : IConsumerImpactChecker
{
    private readonly IRegistryGatewayProvider _registries;
    private readonly KafkaImpactSettings _settings;
    private readonly IKafkaClientFactory _clients;
    private readonly TimeProvider _time;

    public KafkaImpactChecker(IRegistryGatewayProvider registries, KafkaImpactSettings settings)
        : this(registries, settings, new ConfluentClientFactory(), TimeProvider.System)
    {
    }

    internal KafkaImpactChecker(IRegistryGatewayProvider registries, KafkaImpactSettings settings, IKafkaClientFactory clients, TimeProvider time)
    {
        _registries = registries;
        _settings = settings;
        _clients = clients;
        _time = time;
    }

    public async Task<IReadOnlyList<SubjectImpact>> CheckAsync(string registry, IReadOnlyList<ImpactTarget> targets, ImpactCheckOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        if (targets.Count == 0)
        {
            return [];
        }

        if (KafkaOf(registry) is not { } kafka)
        {
            return AllUnknown(targets, NotConfigured(registry));
        }

        try
        {
            using var admin = _clients.CreateAdmin(kafka, _settings.RequestTimeout);
            var topics = await TopicCatalog.ReadAsync(admin, _settings.RequestTimeout, cancellationToken);
            var existing = topics.Keys.ToHashSet(StringComparer.Ordinal);
            var mappings = targets.Select(t => TopicResolver.Resolve(t, kafka.Topics, existing)).ToList();
            var used = mappings.Where(m => m.Topic is not null).Select(m => m.Topic!).Distinct().ToDictionary(t => t, t => topics[t], StringComparer.Ordinal);
            if (used.Count == 0)
            {
                return [.. targets.Select((t, i) => ImpactVerdicts.Unknown(t, null, mappings[i].Unknown!))];
            }

            List<ScanRequest> scans =
            [
                .. targets.Select((t, i) => (Target: t, mappings[i].Topic))
                    .Where(x => x.Topic is not null && x.Target.Permanent && x.Target.IdsRemoved.Count > 0)
                    .Select(x => x.Topic!).Distinct().Select(t => new ScanRequest(t, used[t])),
            ];
            using var offsets = _clients.CreateReader(kafka, _settings.RequestTimeout);
            using var scanner = _clients.CreateReader(kafka, _settings.RequestTimeout);
            var reads = await new ClusterReader(admin, offsets, scanner, _settings, _time).ReadAsync(used, scans, options, cancellationToken);
            return [.. targets.Select((t, i) => ImpactVerdicts.Decide(t, mappings[i], reads, options, _settings.ScanTimeout))];
        }
        catch (Exception e) when (KafkaFailure.IsFailure(e, cancellationToken))
        {
            return AllUnknown(targets, Unreachable(registry, kafka, e));
        }
    }

    public Task<CatchUpResult> WaitForCatchUpAsync(string registry, IReadOnlyList<SubjectImpact> affected, TimeSpan timeout, IProgress<string>? progress, CancellationToken cancellationToken) =>
        new CatchUpWaiter(_clients, _settings, _time).WaitAsync(registry, KafkaOf(registry), affected, timeout, progress, cancellationToken);

    internal static string NotConfigured(string registry) =>
        $"no Kafka cluster configured for registry '{registry}': consumer impact was not checked";

    internal string Unreachable(string registry, KafkaOptions kafka, Exception e) =>
        $"The Kafka cluster of registry '{registry}' ({kafka.BootstrapServers}) could not be read: {KafkaFailure.Describe(e, _settings.RequestTimeout)}.";

    private KafkaOptions? KafkaOf(string registry) =>
        _registries.Registries.FirstOrDefault(r => string.Equals(r.Name, registry, StringComparison.OrdinalIgnoreCase))?.Kafka;

    private static List<SubjectImpact> AllUnknown(IReadOnlyList<ImpactTarget> targets, string reason) =>
        [.. targets.Select(t => ImpactVerdicts.Unknown(t, null, reason))];
}
