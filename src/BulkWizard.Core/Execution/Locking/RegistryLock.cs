using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Execution.Locking;

/// <summary>
/// One execution per registry at a time, across server processes: <c>locks/{hash of its normalized URLs}.lock</c>
/// in the data directory (<see cref="RegistryAddress"/>), created atomically (<see cref="FileMode.CreateNew"/>) and holding the owner's process id, start
/// time and host. A lock whose process is gone is taken over; disposing releases the lock if it is still ours.
/// </summary>
internal sealed class RegistryLock : IDisposable
{
    /// <summary>A lock file that does not read is one being written, unless it is older than this (its writer crashed).</summary>
    public static readonly TimeSpan UnreadableGrace = TimeSpan.FromMinutes(1);

    private const int Attempts = 5;

    private readonly LockHolder _holder;
    private int _released;

    private RegistryLock(string registryName, string path, LockHolder holder)
    {
        RegistryName = registryName;
        Path = path;
        _holder = holder;
    }

    public string RegistryName { get; }

    public string Path { get; }

    public LockHolder Holder => _holder;

    /// <summary>Takes the registry's lock, or fails naming the registry, its URL, who holds it and since when.</summary>
    /// <exception cref="RegistryLockedException">A live process (this one included) holds it.</exception>
    public static RegistryLock Acquire(DataDirectory dataDirectory, RegistryOptions registry, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(registry);
        var registryName = registry.Name;
        var shown = $"'{registry.Name}' ({registry.DisplayUrl})";
        var path = System.IO.Path.Combine(dataDirectory.EnsureLocksFolder(), FileNameOf(RegistryAddress.Normalize(registry)));
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var me = new LockHolder(
                ProcessProbe.CurrentProcessId, ProcessProbe.CurrentProcessStartTime, ProcessProbe.HostName,
                timeProvider.GetUtcNow(), RandomNumberGenerator.GetHexString(16, lowercase: true));
            if (TryCreate(path, me))
            {
                return new RegistryLock(registryName, path, me);
            }

            if (ReadExisting(path) is not { } existing)
            {
                continue; // Released between our attempt and the read: try again.
            }

            if (existing.Holder is { } holder)
            {
                if (ProcessProbe.IsAlive(holder))
                {
                    throw Busy(registryName, shown, path, holder);
                }
            }
            else if (timeProvider.GetUtcNow() - existing.WrittenAt < UnreadableGrace)
            {
                throw new RegistryLockedException(
                    registryName,
                    null,
                    $"Registry {shown} is locked by a process that is writing its lock file {path} right now, or crashed while doing so. " +
                    $"Try again; if no BulkWizard process runs, delete that file.");
            }

            TakeOverStale(path, existing.Content);
        }

        throw new RegistryLockedException(registryName, null, $"Registry {shown}: its lock {path} changed hands {Attempts} times while being taken; try again.");
    }

    /// <summary>Deletes the lock file if it still holds this lock's token (never someone else's lock).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1)
        {
            return;
        }

        if (ReadExisting(Path)?.Holder?.Token == _holder.Token)
        {
            File.Delete(Path);
        }
    }

    /// <summary>A file name safe on every system, the same for every spelling of the registry's URLs.</summary>
    public static string FileNameOf(string normalizedAddress) =>
        "registry-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedAddress)))[..24] + ".lock";

    private static bool TryCreate(string path, LockHolder me)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FilePermissions.NewUserOnlyFile(FileMode.CreateNew));
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }

        using (stream)
        {
            stream.Write(JsonSerializer.SerializeToUtf8Bytes(me, StorageJson.Options));
            stream.Flush(flushToDisk: true);
        }

        return true;
    }

    private static ExistingLock? ReadExisting(string path)
    {
        try
        {
            var content = File.ReadAllBytes(path);
            var writtenAt = new DateTimeOffset(File.GetLastWriteTimeUtc(path));
            LockHolder? holder;
            try
            {
                holder = JsonSerializer.Deserialize<LockHolder>(content, StorageJson.Options);
            }
            catch (JsonException)
            {
                holder = null;
            }

            return new ExistingLock(content, holder, writtenAt);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Moves the stale file aside under a unique name before deleting it, and checks that what was moved is the
    /// stale lock that was judged: if another process took the lock over in between, its fresh lock is put back.
    /// </summary>
    private static void TakeOverStale(string path, byte[] staleContent)
    {
        var aside = $"{path}.stale-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
        try
        {
            File.Move(path, aside);
        }
        catch (FileNotFoundException)
        {
            return;
        }

        if (File.ReadAllBytes(aside).AsSpan().SequenceEqual(staleContent))
        {
            File.Delete(aside);
            return;
        }

        try
        {
            File.Move(aside, path, overwrite: false);
        }
        catch (IOException)
        {
            // A third process created a lock meanwhile; the one moved aside lost its file. The next attempt sees
            // the new lock and reports it; the moved file stays beside it for a person to look at.
        }
    }

    private static RegistryLockedException Busy(string registryName, string shown, string path, LockHolder holder)
    {
        var since = holder.AcquiredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var who = holder.ProcessId == ProcessProbe.CurrentProcessId && holder.HostName == ProcessProbe.HostName
            ? $"this server process (pid {holder.ProcessId}) is already executing on it"
            : $"process {holder.ProcessId} on host '{holder.HostName}' is executing on it";
        return new RegistryLockedException(
            registryName,
            holder,
            $"Registry {shown} is busy: {who} since {since} (lock file {path}). One execution per registry at a time; wait for it to finish.");
    }

    private sealed record ExistingLock(byte[] Content, LockHolder? Holder, DateTimeOffset WrittenAt);
}
