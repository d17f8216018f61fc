using System.Reflection;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests.Packaging;

/// <summary>
/// The README's command that runs the server from a source checkout, exactly as written there, with nothing configured:
/// it answers over stdio on the embedded Sandbox. In the installed tool's collection: <c>dotnet run</c> builds the same
/// project that collection packs.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class SourceCheckoutTests
{
    /// <summary>A first <c>dotnet run</c> checks (and may redo) the build before the server starts.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task ReadmeRunCommand_NothingConfigured_AnswersOnTheEmbeddedSandbox_StdoutOnlyJsonRpc()
    {
        var command = ReadmeCommand("run the MCP server");
        Assert.Equal(["dotnet", "run", "--project", "src/BulkWizard.Server"], command);
        var data = Path.Combine(Path.GetTempPath(), "bulkwizard-source-" + Guid.NewGuid().ToString("N"));
        var arguments = command[1..].Select(a => a == "src/BulkWizard.Server" ? Path.Combine(RepositoryRoot, a) : a);
        try
        {
            await using var server = RawServerProcess.StartCommand(command[0], arguments, new Dictionary<string, string> { ["BulkWizard__DataDirectory"] = data });

            var initialize = await server.InitializeAsync("2025-11-25", Timeout);
            var registries = await server.CallToolAsync(2, "list_registries", new JsonObject(), Timeout);
            var exitCode = await server.CloseAndWaitAsync(Timeout);

            Assert.Equal("bulkwizard", initialize["result"]!["serverInfo"]!.Str("name"));
            Assert.Equal("sandbox", registries["registries"]!.AsArray().Single()!.Str("name"));
            Assert.Equal(0, exitCode);
            StdoutPurityTests.AssertAllJsonRpc(server.StdoutLines);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    /// <summary>The README's command line commented with <paramref name="comment"/>, split into words.</summary>
    private static string[] ReadmeCommand(string comment)
    {
        var line = File.ReadLines(Path.Combine(RepositoryRoot, "README.md")).First(l => l.Contains("# " + comment, StringComparison.Ordinal));
        return line[..line.IndexOf('#', StringComparison.Ordinal)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(
        Path.GetDirectoryName(typeof(SourceCheckoutTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerProject").Value!)!,
        "..", ".."));
}
