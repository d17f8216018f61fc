using System.ComponentModel;
using System.Diagnostics;

namespace BulkWizard.Core.Execution.Locking;

/// <summary>Tells whether the process named by a lock file still runs.</summary>
internal static class ProcessProbe
{
    /// <summary>
    /// Start times are computed by the runtime from the boot time, which it derives anew in each process;
    /// values for the same process may differ by a few milliseconds, a reused id never by this little.
    /// </summary>
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    public static int CurrentProcessId => Environment.ProcessId;

    public static DateTimeOffset CurrentProcessStartTime { get; } = ReadCurrentStartTime();

    public static string HostName => Environment.MachineName;

    /// <summary>
    /// False only when the holder is surely gone: same host, and no process with its id, or one that started at
    /// another time (the id was reused). A holder on another host, or one whose start time cannot be read, counts
    /// as alive: taking a lock away from a live run is the one mistake a lock must never make.
    /// </summary>
    public static bool IsAlive(LockHolder holder)
    {
        if (!string.Equals(holder.HostName, HostName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(holder.ProcessId);
            if (process.HasExited)
            {
                return false;
            }

            var started = new DateTimeOffset(process.StartTime.ToUniversalTime());
            return (started - holder.ProcessStartTime).Duration() <= StartTimeTolerance;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (Exception e) when (e is Win32Exception or NotSupportedException)
        {
            return true;
        }
    }

    private static DateTimeOffset ReadCurrentStartTime()
    {
        using var self = Process.GetCurrentProcess();
        return new DateTimeOffset(self.StartTime.ToUniversalTime());
    }
}
