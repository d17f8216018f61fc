using System.Reflection;
using System.Runtime.InteropServices;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Server.Hosting;

namespace BulkWizard.EndToEnd.Tests.Packaging;

/// <summary>
/// The server packed as a .NET tool into a temporary local feed and installed from there into a temporary tool path, as
/// a user installs it, once for the tests of a class. The feed is the only package source and the packages folder is a
/// fresh one, so nothing comes from the network or from a package of the same version installed before.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    public const string PackageId = "BulkWizard";
    public const string CommandName = "bulkwizard";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly string _root = Directory.CreateTempSubdirectory("bulkwizard-tool-").FullName;

    public string Version { get; } = ServerVersion.Current;

    public string PackagePath => Path.Combine(_root, "feed", $"{PackageId}.{Version}.nupkg");

    /// <summary>The installed command: what <c>dotnet tool install</c> puts on the user's PATH.</summary>
    public string Command => Path.Combine(_root, "tools", OperatingSystem.IsWindows() ? CommandName + ".exe" : CommandName);

    /// <summary>
    /// What the installed command needs besides the test's settings: the runtime the tests run on (a tool's launcher
    /// finds it through DOTNET_ROOT when it is not installed where the launcher looks by default).
    /// </summary>
    public static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? settings = null) =>
        new(settings ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["DOTNET_ROOT"] = DotnetRoot };

    public async Task InitializeAsync()
    {
        var feed = Path.Combine(_root, "feed");
        var config = Path.Combine(_root, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["NUGET_PACKAGES"] = Path.Combine(_root, "packages"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };

        // The server the tests were built with, packed as it is (no build, no restore: nothing is downloaded).
        await CommandRun.RunAsync(
            "dotnet", ["pack", ServerProject, "--no-build", "-c", BuildConfiguration, "-o", feed], environment, CommandTimeout);
        await CommandRun.RunAsync(
            "dotnet", ["tool", "install", PackageId, "--version", Version, "--tool-path", Path.Combine(_root, "tools"), "--configfile", config],
            environment, CommandTimeout);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private static string ServerProject => Metadata("ServerProject");

    private static string BuildConfiguration => Metadata("BuildConfiguration");

    /// <summary>The runtime's root: <c>shared/Microsoft.NETCore.App/&lt;version&gt;/</c> is three folders below it.</summary>
    private static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static string Metadata(string key) =>
        typeof(InstalledTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
