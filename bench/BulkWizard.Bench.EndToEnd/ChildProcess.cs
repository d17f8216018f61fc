using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// A child process with its stdin and stdout left to the caller and its stderr drained on a task of its own,
/// so it never blocks on a full pipe: lines are counted (by Serilog level too) and the last ones kept for errors.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int TailLines = 40;
    private readonly Process _process;
    private readonly Task _stderrPump;
    private readonly Task? _stdoutPump;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    private readonly StreamWriter? _stderrCopy;

    private ChildProcess(Process process, bool drainStdout, string? stderrCopy)
    {
        _process = process;
        _stderrCopy = stderrCopy is null ? null : new StreamWriter(stderrCopy);
        _stderrPump = Task.Run(PumpStderrAsync);
        _stdoutPump = drainStdout ? Task.Run(() => process.StandardOutput.BaseStream.CopyToAsync(Stream.Null)) : null;
    }

    public int Id => _process.Id;

    public StreamWriter Input => _process.StandardInput;

    public StreamReader Output => _process.StandardOutput;

    public StderrCounts Stderr { get; private set; } = new(0, 0, 0, 0);

    public string StderrTail
    {
        get
        {
            lock (_gate)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="fileName"/> with only <paramref name="settings"/> among the registry and BulkWizard
    /// variables; its stderr is also written to <paramref name="stderrCopy"/> when given.
    /// </summary>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> settings, bool drainStdout = false, string? stderrCopy = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(IsProductSetting).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in settings)
        {
            info.Environment[name] = value;
        }

        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start"), drainStdout, stderrCopy);
    }

    /// <summary>The peak resident set (<c>VmHWM</c> of <c>/proc/pid/status</c>) in MiB; null where there is no /proc.</summary>
    public double? PeakMemoryMiB()
    {
        var status = $"/proc/{_process.Id}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kib is null ? null : long.Parse(kib, CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>Closes stdin, as an MCP client does when it is done, and waits for the exit; kills after <paramref name="timeout"/> (null exit code).</summary>
    public async Task<int?> CloseAsync(TimeSpan timeout)
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        return await WaitOrKillAsync(timeout);
    }

    /// <summary>Waits for the exit; kills the process after <paramref name="timeout"/> and returns null.</summary>
    public async Task<int?> WaitOrKillAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
            await _stderrPump;
            return null;
        }

        await _stderrPump;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _stderrPump;
        if (_stdoutPump is not null)
        {
            await _stdoutPump;
        }

        _process.Dispose();
        if (_stderrCopy is not null)
        {
            await _stderrCopy.DisposeAsync();
        }
    }

    private static bool IsProductSetting(string name) =>
        name.StartsWith("SCHEMA_REGISTRY_", StringComparison.Ordinal) || name.StartsWith("BulkWizard__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VIEWONLY", StringComparison.Ordinal) || name.StartsWith("READONLY", StringComparison.Ordinal);

    private async Task PumpStderrAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line)
        {
            if (_stderrCopy is not null)
            {
                await _stderrCopy.WriteLineAsync(line);
            }

            lock (_gate)
            {
                Stderr = Stderr.Add(line);
                _tail.Enqueue(line);
                if (_tail.Count > TailLines)
                {
                    _tail.Dequeue();
                }
            }
        }
    }
}
