using System.Globalization;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// Tells a quiet machine from a shared one: the CPU time the whole machine spent (<c>/proc/stat</c>) during
/// the bench less what the bench, its finished children and its live children spent (<c>/proc/pid/stat</c>).
/// </summary>
internal sealed class MachineLoad
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly long? _busyAtStart = MachineBusyTicks();
    private readonly long? _ownAtStart = ProcessTicks("self", withChildren: true);
    private readonly System.Diagnostics.Stopwatch _wall = System.Diagnostics.Stopwatch.StartNew();

    public TimeSpan Elapsed => _wall.Elapsed;

    public static string Describe() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB, Linux {Environment.OSVersion.Version}, .NET {Environment.Version}";

    /// <summary>Core-seconds spent by processes other than the bench and <paramref name="liveChildren"/> since this was made; null without /proc.</summary>
    public double? OthersCpuSeconds(params int[] liveChildren)
    {
        var busy = MachineBusyTicks();
        var own = ProcessTicks("self", withChildren: true);
        if (busy is null || own is null || _busyAtStart is null || _ownAtStart is null)
        {
            return null;
        }

        var children = liveChildren.Sum(pid => ProcessTicks(pid.ToString(CultureInfo.InvariantCulture), withChildren: false) ?? 0);
        return Math.Max(0, (busy.Value - _busyAtStart.Value) - (own.Value - _ownAtStart.Value) - children) / TicksPerSecond;
    }

    private static long? MachineBusyTicks()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var line = File.Exists("/proc/stat") ? File.ReadLines("/proc/stat").First() : null;
        var fields = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return fields is { Length: >= 8 } ? fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7] : null;
    }

    private static long? ProcessTicks(string pid, bool withChildren)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
        {
            return null;
        }

        // After "pid (comm) ": state is field 3, so field n is at n - 3; utime 14, stime 15, cutime 16, cstime 17.
        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int n) => long.Parse(fields[n - 3], CultureInfo.InvariantCulture);
        return Field(14) + Field(15) + (withChildren ? Field(16) + Field(17) : 0);
    }
}
