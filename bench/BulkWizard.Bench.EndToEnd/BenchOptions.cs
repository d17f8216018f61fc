using System.Globalization;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// Command line: <c>[--subjects 10000] [--parallel 8] [--starts 5] [--poll-ms 100]
/// [--restore-dry-run-wait 0] [--only registry,server,startup] [--keep-data]</c>.
/// </summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "usage: BulkWizard.Bench.EndToEnd [--subjects 10000] [--parallel 8] [--starts 5] [--poll-ms 100] [--restore-dry-run-wait 0] [--only registry,server,startup] [--keep-data]";

    public int Subjects { get; init; } = 10_000;

    /// <summary>Requests in flight for the registry figures, and <c>max_parallel</c> of the server's run.</summary>
    public int Parallel { get; init; } = 8;

    /// <summary>Starts of each server for the start-up medians.</summary>
    public int Starts { get; init; } = 5;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// <c>wait_seconds</c> of the restore's dry run. 0 polls the task; a server that counts a dry run only when it
    /// finished inside the call refuses the YES afterwards, and the bench then repeats the dry run with
    /// <see cref="RestoreDryRunFallbackWait"/>.
    /// </summary>
    public int RestoreDryRunWait { get; init; }

    public const int RestoreDryRunFallbackWait = 50;

    public IReadOnlySet<string> Sections { get; init; } = new HashSet<string>(AllSections, StringComparer.Ordinal);

    /// <summary>Keeps the server's data directory and writes its stderr next to it, for a look afterwards.</summary>
    public bool KeepData { get; init; }

    public static readonly string[] AllSections = ["registry", "server", "startup"];

    public bool Runs(string section) => Sections.Contains(section);

    /// <summary>The arguments that reproduce this run, for the report.</summary>
    public string Arguments => string.Join(' ', new[]
    {
        Runs("registry") || Runs("server") ? $"--subjects {Subjects}" : null,
        Parallel != 8 ? $"--parallel {Parallel}" : null,
        Runs("startup") && Starts != 5 ? $"--starts {Starts}" : null,
        Sections.Count < AllSections.Length ? $"--only {string.Join(',', AllSections.Where(Runs))}" : null,
    }.Where(a => a is not null));

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            int Number() => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i]}: a whole number. {Usage}");
            options = args[i] switch
            {
                "--subjects" => options with { Subjects = Number() },
                "--parallel" => options with { Parallel = Math.Max(1, Number()) },
                "--starts" => options with { Starts = Math.Max(1, Number()) },
                "--poll-ms" => options with { PollInterval = TimeSpan.FromMilliseconds(Math.Max(10, Number())) },
                "--restore-dry-run-wait" => options with { RestoreDryRunWait = Number() },
                "--only" => options with { Sections = ParseSections(Next()) },
                "--keep-data" => options with { KeepData = true },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    private static HashSet<string> ParseSections(string text)
    {
        var sections = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return sections.Count > 0 && sections.All(AllSections.Contains)
            ? sections
            : throw new ArgumentException($"--only: some of {string.Join(',', AllSections)}. {Usage}");
    }
}
