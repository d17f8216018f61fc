namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The registry's own speed, with a plain HttpClient, <c>parallel</c> at a time: registering the subjects,
/// raw <c>PUT /config/{s}</c> capacity, and the yardstick (<c>GET</c> then <c>PUT /config/{s}</c>, what one
/// safe item must do at least). Both loops are cheap and noisy, so they take turns <see cref="Rounds"/>
/// times and report the median; every PUT changes the level. Leaves every subject at <see cref="LevelAfter"/>.
/// </summary>
internal static class RegistrySection
{
    public const int Rounds = 3;
    public const string RawLevel = "FORWARD";
    public const string LevelAfter = "BACKWARD";

    public static async Task RegisterAsync(ReportTable report, RegistryLoad registry, BenchOptions options, string command)
    {
        Progress.Say($"registering {options.Subjects} subjects");
        var elapsed = await registry.RegisterAsync(options.Subjects);
        report.Add($"register {options.Subjects} subjects × 1 Avro version (`POST /subjects/{{s}}/versions`, {options.Parallel} at a time)", $"{options.Subjects / elapsed.TotalSeconds:0} requests/s ({elapsed.TotalSeconds:0.00} s)", command);
    }

    /// <summary>Measures and returns the yardstick (median) in items per second.</summary>
    public static async Task<double> MeasureAsync(ReportTable report, RegistryLoad registry, BenchOptions options, string command)
    {
        var raw = new List<TimeSpan>();
        var yardstick = new List<TimeSpan>();
        for (var round = 1; round <= Rounds; round++)
        {
            raw.Add(await registry.PutConfigAsync(options.Subjects, RawLevel));
            yardstick.Add(await registry.GetThenPutConfigAsync(options.Subjects, LevelAfter));
            Progress.Say($"registry round {round}/{Rounds}: raw PUT {raw[^1].TotalSeconds:0.00} s, yardstick {yardstick[^1].TotalSeconds:0.00} s for {options.Subjects}");
        }

        report.Add($"Sandbox raw capacity: `PUT /config/{{s}}` alone, {options.Parallel} at a time, median of {Rounds}", Rates(options.Subjects, raw, "requests"), command);
        report.Add($"yardstick: `GET /config/{{s}}` then `PUT /config/{{s}}` per item, {options.Parallel} at a time (plain HttpClient), median of {Rounds}", Rates(options.Subjects, yardstick, "items"), command);
        return options.Subjects / Statistics.Median(yardstick).TotalSeconds;
    }

    private static string Rates(int count, IReadOnlyList<TimeSpan> times, string unit) =>
        $"{count / Statistics.Median(times).TotalSeconds:0} {unit}/s (of {string.Join(", ", times.Select(t => (count / t.TotalSeconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture)))})";
}
