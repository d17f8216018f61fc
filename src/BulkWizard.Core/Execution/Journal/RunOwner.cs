using BulkWizard.Core.Execution.Locking;

namespace BulkWizard.Core.Execution.Journal;

/// <summary>The process that wrote a journal, told apart from a later process with the same id by its start time.</summary>
internal sealed record RunOwner(int ProcessId, DateTimeOffset ProcessStartTime, string HostName)
{
    public static RunOwner Current { get; } = new(ProcessProbe.CurrentProcessId, ProcessProbe.CurrentProcessStartTime, ProcessProbe.HostName);

    /// <summary>True while the process runs (on another host it cannot be told, and counts as alive).</summary>
    public bool IsAlive => ProcessProbe.IsAlive(new LockHolder(ProcessId, ProcessStartTime, HostName, default, ""));
}
