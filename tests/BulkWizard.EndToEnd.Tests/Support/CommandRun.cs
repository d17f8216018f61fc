using System.Diagnostics;
using System.Text;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>A command run to its end, with what it printed; a command that fails or outlives its deadline fails the test with its output.</summary>
public static class CommandRun
{
    public static async Task<string> RunAsync(string command, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}:\n{Text(output)}");
        }

        process.WaitForExit(); // drains the asynchronous readers
        return process.ExitCode == 0
            ? Text(output)
            : throw new InvalidOperationException($"{command} {string.Join(' ', info.ArgumentList)} exited with {process.ExitCode}:\n{Text(output)}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
