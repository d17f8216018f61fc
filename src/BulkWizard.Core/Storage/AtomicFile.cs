using System.Security.Cryptography;
using System.Text.Json;

namespace BulkWizard.Core.Storage;

/// <summary>
/// Writes a whole file so that a reader, or a restart after a crash, sees either the old content or the
/// new one, never a mix: the content goes to a temporary file in the same folder (so the rename cannot
/// cross file systems), is flushed to disk, gets mode 0600, and is then renamed over the target.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Temporary files start with this, so a leftover of a crash is easy to recognize.</summary>
    public const string TempPrefix = ".tmp-";

    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        WriteAsync(path, (stream, token) => stream.WriteAsync(content, token).AsTask(), cancellationToken);

    /// <summary>The same, with the content written by <paramref name="write"/> straight into the file (a large plan is never one buffer).</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        var temp = Path.Combine(folder, $"{TempPrefix}{Path.GetFileName(full)}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}");
        try
        {
            await using (var stream = new FileStream(temp, FilePermissions.NewUserOnlyFile(FileMode.CreateNew, share: FileShare.None)))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            // The create mode is filtered by the umask (and a Windows file inherits its folder's list): set it explicitly.
            FilePermissions.RestrictFile(temp);

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Serializes <paramref name="value"/> with <see cref="StorageJson.Options"/> and writes it atomically.</summary>
    public static Task WriteJsonAsync<T>(string path, T value, CancellationToken cancellationToken) =>
        WriteAsync(path, JsonSerializer.SerializeToUtf8Bytes(value, StorageJson.Options), cancellationToken);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure matters more than a leftover temporary file, which is recognizable by its prefix.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
