using System.Collections.Concurrent;
using BulkWizard.Core.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BulkWizard.Registry.Pacing;

/// <summary>One <see cref="RegistryPace"/> per configured registry, made on first use and shared by its retry layer and its gateway.</summary>
internal sealed class RegistryPaces(IOptions<RegistryResilienceOptions> resilience, TimeProvider time, ILogger<RegistryPace> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RegistryPace>> _paces = new(StringComparer.OrdinalIgnoreCase);

    public RegistryPace For(RegistryOptions registry) =>
        _paces.GetOrAdd(registry.Name, _ => new Lazy<RegistryPace>(() => new RegistryPace(registry, resilience.Value, time, logger))).Value;

    public void Dispose()
    {
        foreach (var pace in _paces.Values.Where(p => p.IsValueCreated))
        {
            pace.Value.Dispose();
        }
    }
}
