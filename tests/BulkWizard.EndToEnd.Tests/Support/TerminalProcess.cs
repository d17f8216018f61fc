using System.Diagnostics;
using System.Text;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>
/// <c>bulkwizard wizard …</c> as a person's terminal session with its input redirected: the real executable, its
/// stdout read as it comes (prompts end without a newline), each answer typed once the expected words are on screen.
/// </summary>
public sealed class TerminalProcess : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _reader;
    private int _position;

    private TerminalProcess(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_gate)
            {
                _stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        _reader = Task.Run(ReadStdoutAsync);
    }

    public static TerminalProcess Start(IReadOnlyDictionary<string, string>? settings, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(ServerLauncher.ServerDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in ServerLauncher.IsolatedEnvironment(settings))
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return new TerminalProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Everything written to stdout so far.</summary>
    public string Stdout
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="text"/> appears after what earlier expectations consumed, and returns the output
    /// from there to its end (what was shown with it); fails with the whole transcript when it does not come.
    /// </summary>
    public async Task<string> ExpectAsync(string text)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            string shown;
            lock (_gate)
            {
                var at = _stdout.ToString().IndexOf(text, _position, StringComparison.Ordinal);
                if (at >= 0)
                {
                    shown = _stdout.ToString(_position, at + text.Length - _position);
                    _position = at + text.Length;
                    return shown;
                }
            }

            try
            {
                await _arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"'{text}' not shown within {Deadline}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            }
        }
    }

    /// <summary>Waits for <paramref name="prompt"/>, then types <paramref name="answer"/> and enter; returns what was shown up to the prompt.</summary>
    public async Task<string> AnswerAsync(string prompt, string answer)
    {
        var shown = await ExpectAsync(prompt);
        await _process.StandardInput.WriteLineAsync(answer);
        await _process.StandardInput.FlushAsync();
        return shown;
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void PressCtrlC()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> ExitCodeAsync()
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await _process.WaitForExitAsync(deadline.Token);
        await _reader;
        _process.WaitForExit(); // drains stderr
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _arrived.Dispose();
    }

    private async Task ReadStdoutAsync()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            lock (_gate)
            {
                _stdout.Append(buffer, 0, read);
            }

            _arrived.Release();
        }

        _arrived.Release();
    }
}
