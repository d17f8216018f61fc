namespace BulkWizard.Core.Registry;

/// <summary>
/// One Schema Registry the server may act on, as configured by the user.
/// Bound from <c>BulkWizard:Registries:i</c> or from the <c>SCHEMA_REGISTRY_*</c> environment variables.
/// </summary>
public sealed class RegistryOptions
{
    /// <summary>Name the tools use to address this registry; unique, case-insensitive.</summary>
    public string Name { get; set; } = "";

    /// <summary>Base URL; several URLs may be separated by commas (tried in order, as Confluent clients do).</summary>
    public string Url { get; set; } = "";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c>; exclusive with basic auth.</summary>
    public string? BearerToken { get; set; }

    public RegistryTlsOptions Tls { get; set; } = new();

    /// <summary>Refuses every write to this registry before any request is sent.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>The registry tools use when none is named. At most one registry sets it; without it the first is the default.</summary>
    public bool Default { get; set; }

    /// <summary>Seconds one HTTP attempt may take before it counts as a timeout.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Seconds to wait for a connection to one URL before trying the next: an address that black-holes connections
    /// then costs this, not the whole <see cref="RequestTimeoutSeconds"/>. Values below 1 count as 1.
    /// </summary>
    public int ConnectTimeoutSeconds { get; set; } = 5;

    /// <summary>
    /// The most writes a minute sent to this registry, spread evenly (one every 60/N seconds), whatever the runs'
    /// parallelism; retries and re-sent writes count. Null (the default): no ceiling.
    /// </summary>
    public int? MaxWritesPerMinute { get; set; }

    /// <summary>Optional Kafka cluster whose consumer groups read this registry's topics.</summary>
    public KafkaOptions? Kafka { get; set; }

    /// <summary>The URLs of <see cref="Url"/>, split and trimmed.</summary>
    public IReadOnlyList<string> Urls =>
        Url.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The first URL without user info, safe to show in results and logs.</summary>
    public string DisplayUrl
    {
        get
        {
            var first = Urls is [var head, ..] ? head : "";
            return Uri.TryCreate(first, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
                ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/')
                : first.TrimEnd('/');
        }
    }
}
