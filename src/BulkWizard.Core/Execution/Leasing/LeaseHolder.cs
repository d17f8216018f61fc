using System.Globalization;

namespace BulkWizard.Core.Execution.Leasing;

/// <summary>
/// Who holds a registry's lease and until when, as written in the <c>defaultMetadata.properties</c> of the reserved
/// subject's config (string values only, as the registry stores properties).
/// </summary>
/// <param name="Token">Random per acquisition: the one thing that says "this lease is mine".</param>
/// <param name="ProcessStartTime">Tells the holder apart from a later process that got the same id (see <c>ProcessProbe</c>).</param>
internal sealed record LeaseHolder(
    string Token, string Host, int ProcessId, DateTimeOffset ProcessStartTime, string PlanId, string? TaskId, string ConfirmedBy,
    DateTimeOffset AcquiredAt, DateTimeOffset ExpiresAt)
{
    private const string Prefix = "bulkwizard.lease.";

    public static IReadOnlyList<string> Keys { get; } =
        [Prefix + "token", Prefix + "host", Prefix + "process", Prefix + "process_started", Prefix + "plan", Prefix + "task", Prefix + "confirmed_by", Prefix + "acquired_at", Prefix + "expires_at"];

    public bool IsLive(DateTimeOffset now) => ExpiresAt > now;

    public Dictionary<string, string> ToProperties() => new(StringComparer.Ordinal)
    {
        [Prefix + "token"] = Token,
        [Prefix + "host"] = Host,
        [Prefix + "process"] = ProcessId.ToString(CultureInfo.InvariantCulture),
        [Prefix + "process_started"] = ProcessStartTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        [Prefix + "plan"] = PlanId,
        [Prefix + "task"] = TaskId ?? "",
        [Prefix + "confirmed_by"] = ConfirmedBy,
        [Prefix + "acquired_at"] = Format(AcquiredAt),
        [Prefix + "expires_at"] = Format(ExpiresAt),
    };

    /// <summary>The holder the properties name; null when they hold no lease, <see cref="Malformed"/> when they hold a broken one.</summary>
    public static LeaseHolder? FromProperties(IReadOnlyDictionary<string, string> properties)
    {
        if (!properties.TryGetValue(Prefix + "token", out var token) || token.Length == 0)
        {
            return properties.Keys.Any(k => k.StartsWith(Prefix, StringComparison.Ordinal)) ? Malformed : null;
        }

        if (!int.TryParse(properties.GetValueOrDefault(Prefix + "process"), NumberStyles.None, CultureInfo.InvariantCulture, out var process)
            || !TryParse(properties.GetValueOrDefault(Prefix + "process_started"), out var started)
            || !TryParse(properties.GetValueOrDefault(Prefix + "acquired_at"), out var acquired)
            || !TryParse(properties.GetValueOrDefault(Prefix + "expires_at"), out var expires))
        {
            return Malformed;
        }

        var task = properties.GetValueOrDefault(Prefix + "task");
        return new LeaseHolder(
            token, properties.GetValueOrDefault(Prefix + "host") ?? "", process, started, properties.GetValueOrDefault(Prefix + "plan") ?? "",
            string.IsNullOrEmpty(task) ? null : task, properties.GetValueOrDefault(Prefix + "confirmed_by") ?? "", acquired, expires);
    }

    /// <summary>Lease properties that do not read: held until someone removes them, since nothing says when they end.</summary>
    public static LeaseHolder Malformed { get; } = new("", "", 0, DateTimeOffset.MinValue, "", null, "", DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    public bool IsMalformed => Token.Length == 0;

    /// <summary>"plan X (task Y), confirmed by Z, on host H (process P) since … until …".</summary>
    public string Describe() =>
        $"plan {PlanId}{(TaskId is null ? "" : $" (task {TaskId})")}, confirmed by {ConfirmedBy}, on host '{Host}' (process {ProcessId}), " +
        $"since {Format(AcquiredAt)}, until {Format(ExpiresAt)}";

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
