using Polly;

namespace BulkWizard.Registry.Pacing;

/// <summary>Names the pace step in the retry layer's telemetry; the pace itself is configured per registry (<see cref="RegistryPace"/>).</summary>
internal sealed class PaceStrategyOptions : ResilienceStrategyOptions
{
    public PaceStrategyOptions() => Name = "RegistryPace";
}
