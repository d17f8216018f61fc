namespace BulkWizard.Core.Execution.Locking;

/// <summary>What a lock file says about the process that holds it.</summary>
/// <param name="ProcessStartTime">Tells the holder apart from a later process that got the same id.</param>
/// <param name="Token">Random, per acquisition: a lock is released only while the file still holds this token.</param>
internal sealed record LockHolder(int ProcessId, DateTimeOffset ProcessStartTime, string HostName, DateTimeOffset AcquiredAt, string Token);
