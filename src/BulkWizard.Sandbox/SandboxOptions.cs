using BulkWizard.Sandbox.Faults;

namespace BulkWizard.Sandbox;

/// <summary>How a Sandbox registry is started.</summary>
public sealed record SandboxOptions
{
    /// <summary>Kestrel URLs (semicolon-separated); port 0 binds a free port, read back from <see cref="SandboxRegistry.BaseAddress"/>.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>Seed the deterministic demo data on start (ignored when <see cref="DataFile"/> already exists).</summary>
    public bool SeedDemoData { get; init; } = true;

    public SandboxProfile Profile { get; init; } = SandboxProfile.Platform8;

    /// <summary>Optional JSON persistence: loaded on start, written atomically (temp file + rename) after each write.</summary>
    public string? DataFile { get; init; }

    /// <summary>Latency added to every request, for benchmarks.</summary>
    public TimeSpan ResponseDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Serves <c>GET /_sandbox/requests</c>: the <see cref="SandboxRequestStats"/> counts, for benchmarks that run the
    /// standalone Sandbox in another process. Off by default: a Confluent registry has no such route.
    /// </summary>
    public bool ServeRequestCounts { get; init; }

    /// <summary>Faults armed from the start (<see cref="SandboxRegistry.Faults"/> arms and disarms them later); null: none.</summary>
    public FaultOptions? Faults { get; init; }

    /// <summary>
    /// Serves <c>GET/PUT/DELETE /_sandbox/faults</c>: the armed <see cref="FaultOptions"/> and the faults injected, for
    /// tests that run the standalone Sandbox in another process. Off by default: a Confluent registry has no such route.
    /// </summary>
    public bool ServeFaults { get; init; }
}
