using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace BulkWizard.Server.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, in a fresh profile, driven over the Chrome DevTools Protocol (<see cref="DevToolsPage"/>).
/// The debugging port is chosen by Chromium (<c>--remote-debugging-port=0</c>) and read from the profile's
/// <c>DevToolsActivePort</c> file.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;

    private HeadlessChromium(Process process, string profile, DevToolsPage page)
    {
        _process = process;
        _profile = profile;
        Page = page;
    }

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public DevToolsPage Page { get; }

    public static async Task<HeadlessChromium> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("bulkwizard-chromium-").FullName;
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        // Drained so that a chatty browser never blocks on a full pipe.
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var port = await ReadPortAsync(profile, process);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var targets = await http.GetFromJsonAsync<JsonElement>("json/list");
            var page = targets.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page");
            var session = await DevToolsPage.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!));
            return new HeadlessChromium(process, profile, session);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    private static async Task<int> ReadPortAsync(string profile, Process process)
    {
        var file = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + StartDeadline;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before it opened its debugging port.");
            }

            if (File.Exists(file) && (await File.ReadAllLinesAsync(file)) is [var port, ..] && int.TryParse(port, out var number))
            {
                return number;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Chromium wrote no {file} within {StartDeadline.TotalSeconds} s.");
    }

    public async ValueTask DisposeAsync()
    {
        await Page.DisposeAsync();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile file still held by an exiting child: it is in the temp folder.
        }
    }
}
