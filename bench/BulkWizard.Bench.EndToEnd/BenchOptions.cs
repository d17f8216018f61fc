using System.Globalization;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// Command line: <c>[--subjects 10000] [--parallel 8] [--starts 5] [--poll-ms 100]
/// [--restore-dry-run-wait 0] [--only registry,server,startup,cleanup,migration,faults] [--versions 10] [--purge soft,permanent] [--keep-data]</c>.
/// The cleanup, migration and faults sections run only when <c>--only</c> names them.
/// </summary>
internal sealed record BenchOptions
{
    public const string Usage =
        "usage: BulkWizard.Bench.EndToEnd [--subjects 10000] [--parallel 8] [--starts 5] [--poll-ms 100] [--restore-dry-run-wait 0] [--only registry,server,startup,cleanup,migration,faults] [--versions 10] [--purge soft,permanent] [--keep-data]";

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

    /// <summary>Versions registered per subject for the cleanup section (which keeps the last <c>keep_last</c> of them) and the migration section.</summary>
    public int Versions { get; init; } = 10;

    /// <summary>The cleanup section's purges, in order: <c>soft</c> (<c>permanent: false</c>) and <c>permanent</c>.</summary>
    public IReadOnlyList<string> Purges { get; init; } = PurgeKinds;

    public static readonly string[] PurgeKinds = ["soft", "permanent"];

    /// <summary>Keeps the server's data directory and writes its stderr next to it, for a look afterwards.</summary>
    public bool KeepData { get; init; }

    /// <summary>The sections a run without <c>--only</c> runs.</summary>
    public static readonly string[] AllSections = ["registry", "server", "startup"];

    /// <summary>Every section <c>--only</c> accepts, in the order they run.</summary>
    public static readonly string[] KnownSections = ["registry", "server", "cleanup", "migration", "faults", "startup"];

    public bool Runs(string section) => Sections.Contains(section);

    /// <summary>The arguments that reproduce this run, for the report.</summary>
    public string Arguments => string.Join(' ', new[]
    {
        Runs("registry") || Runs("server") || Runs("cleanup") || Runs("migration") || Runs("faults") ? $"--subjects {Subjects}" : null,
        Runs("cleanup") || Runs("migration") ? $"--versions {Versions}" : null,
        Runs("cleanup") && !Purges.SequenceEqual(PurgeKinds) ? $"--purge {string.Join(',', Purges)}" : null,
        Parallel != 8 ? $"--parallel {Parallel}" : null,
        Runs("startup") && Starts != 5 ? $"--starts {Starts}" : null,
        Sections.SetEquals(AllSections) ? null : $"--only {string.Join(',', KnownSections.Where(Runs))}",
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
                "--versions" => options with { Versions = Math.Max(1, Number()) },
                "--purge" => options with { Purges = ParsePurges(Next()) },
                "--keep-data" => options with { KeepData = true },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    private static HashSet<string> ParseSections(string text)
    {
        var sections = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return sections.Count > 0 && sections.All(KnownSections.Contains)
            ? sections
            : throw new ArgumentException($"--only: some of {string.Join(',', KnownSections)}. {Usage}");
    }

    private static string[] ParsePurges(string text)
    {
        var purges = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
        return purges.Length > 0 && purges.All(PurgeKinds.Contains)
            ? purges
            : throw new ArgumentException($"--purge: some of {string.Join(',', PurgeKinds)}. {Usage}");
    }
}
