namespace BulkWizard.Core.Storage;

/// <summary>
/// An append-only file of lines, each on disk before <see cref="AppendAsync"/> returns. Appends that arrive
/// while a flush to disk is under way share the next one (group commit): parallel items each wait for a
/// flush that covers their line instead of queueing one flush each, which on a disk where a flush takes
/// 2-3 ms is the difference between a few hundred and thousands of durable lines a second.
/// </summary>
/// <remarks>
/// Writes are serialized and go straight to the operating system (no buffer in this process); a flush runs
/// outside the write lock, so lines keep being written while one is under way. A line once started is always
/// finished: half a line is worse than a late one. A failed write is cut off again so the file stays
/// readable; when even that fails, or a flush fails, the file takes no more lines.
/// </remarks>
internal sealed class DurableLines : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    private readonly FileStream _stream;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _flushGate = new(1, 1);
    private long _written;
    private long _durable;
    private bool _disposed;
    private Exception? _broken;

    private DurableLines(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
        _written = stream.Length;
        _durable = _written;
    }

    public string Path { get; }

    /// <summary>Opens (or creates with mode 0600) <paramref name="path"/> for appending, after its first <paramref name="keepLength"/> bytes.</summary>
    public static DurableLines Open(string path, long? keepLength = null)
    {
        var options = FilePermissions.NewUserOnlyFile(FileMode.OpenOrCreate, FileAccess.ReadWrite);
        options.BufferSize = 0;
        var stream = new FileStream(path, options);
        try
        {
            if (keepLength is { } length && length < stream.Length)
            {
                stream.SetLength(length);
                stream.Flush(flushToDisk: true);
            }

            stream.Seek(0, SeekOrigin.End);
            return new DurableLines(path, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes the line <paramref name="line"/> makes (called under the write lock, so e.g. sequence numbers follow the
    /// order of the lines) and a newline. With <paramref name="durable"/>, returns once it and every line before it are
    /// on disk; without, once it is handed to the operating system: the next durable line takes it to disk too.
    /// </summary>
    /// <exception cref="IOException">The line could not be written or flushed; the file takes no more lines when it could not be taken back.</exception>
    public async Task AppendAsync(Func<byte[]> line, CancellationToken cancellationToken, bool durable = true)
    {
        ArgumentNullException.ThrowIfNull(line);
        long end;
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ThrowIfBroken();
            var bytes = line();
            var start = _stream.Position;
            try
            {
                await _stream.WriteAsync(bytes, CancellationToken.None);
                await _stream.WriteAsync(NewLine, CancellationToken.None);
            }
            catch (Exception e)
            {
                TakeBack(start, e);
                throw;
            }

            end = _stream.Position;
            Volatile.Write(ref _written, end);
        }
        finally
        {
            _writeGate.Release();
        }

        if (durable)
        {
            await FlushThroughAsync(end);
        }
    }

    /// <summary>Waits until everything up to <paramref name="end"/> is on disk; the first waiter flushes for all that wait with it.</summary>
    private async Task FlushThroughAsync(long end)
    {
        await _flushGate.WaitAsync(CancellationToken.None);
        try
        {
            if (Volatile.Read(ref _durable) >= end)
            {
                return;
            }

            ThrowIfBroken();
            var target = Volatile.Read(ref _written);
            try
            {
                RandomAccess.FlushToDisk(_stream.SafeFileHandle);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _broken = e;
                throw;
            }

            Volatile.Write(ref _durable, target);
        }
        finally
        {
            _flushGate.Release();
        }
    }

    private void ThrowIfBroken()
    {
        if (_broken is not null)
        {
            throw new IOException($"{Path} can take no more lines: an earlier write or flush failed.", _broken);
        }
    }

    private void TakeBack(long start, Exception failure)
    {
        try
        {
            _stream.SetLength(start);
            _stream.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _broken = failure;
        }
    }

    /// <summary>Takes what was written to disk, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        await _flushGate.WaitAsync();
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                if (_broken is null && Volatile.Read(ref _durable) < Volatile.Read(ref _written))
                {
                    RandomAccess.FlushToDisk(_stream.SafeFileHandle);
                }

                await _stream.DisposeAsync();
            }
        }
        finally
        {
            _flushGate.Release();
            _writeGate.Release();
        }
    }
}
