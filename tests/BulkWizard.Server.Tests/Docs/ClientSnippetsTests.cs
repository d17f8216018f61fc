using System.Collections;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BulkWizard.Server.Configuration;
using BulkWizard.Server.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace BulkWizard.Server.Tests.Docs;

/// <summary>
/// Every client configuration in docs/clients.md works as written: the file has the shape its client reads, the
/// command resolves (dotnet, dnx, the package id, a project folder of this repository), and every setting is one the
/// server reads, loaded without error, giving what the example's heading says (one or several registries, view-only).
/// </summary>
public sealed partial class ClientSnippetsTests
{
    private static readonly string[] Clients = ["Claude Desktop", "Claude Code", "VS Code", "Cursor"];

    /// <summary>How the snippets write the checkout's folder; VS Code's own variable is the workspace, the checkout.</summary>
    private static readonly string[] CheckoutPlaceholders = ["/path/to/bulkwizard", "${workspaceFolder}"];

    private static readonly XElement ServerProject = XDocument.Load(RepositoryFiles.PathOf("src/BulkWizard.Server/BulkWizard.Server.csproj")).Root!;

    [Fact]
    public void ClientsDoc_ShowsEachClientPackagedAndFromSource()
    {
        var snippets = Snippets();

        Assert.All(Clients, client =>
        {
            var ofClient = snippets.Where(s => s.Client.StartsWith(client, StringComparison.Ordinal)).ToList();
            Assert.Contains(ofClient, s => !IsSourceCheckout(s));
            Assert.Contains(ofClient, IsSourceCheckout);
        });
        Assert.Contains(snippets, s => s.Example.Contains("several registries", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(snippets, s => s.Example.Contains("view-only", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(snippets, s => s.Example.Contains("claude mcp add", StringComparison.Ordinal));
    }

    [Fact]
    public void EverySnippet_CommandResolvesToThePackageOrAProjectOfThisRepository()
    {
        Assert.All(Snippets(), snippet => ServerArguments(snippet));
    }

    [Fact]
    public void EverySnippet_SettingsAreOnesTheServerReadsAndGiveWhatItsHeadingSays()
    {
        Assert.All(Snippets(), snippet =>
        {
            foreach (var name in snippet.Environment.Keys)
            {
                Assert.True(
                    name.StartsWith("BulkWizard__", StringComparison.Ordinal) || LegacyVariable().IsMatch(name),
                    $"{snippet}: {name} is not a variable the server reads");
            }

            var options = Load(snippet);
            var example = snippet.Example.ToUpperInvariant();
            Assert.True(options.ViewOnly == example.Contains("VIEW-ONLY", StringComparison.Ordinal), $"{snippet}: ViewOnly is {options.ViewOnly}");
            if (example.Contains("SEVERAL REGISTRIES", StringComparison.Ordinal))
            {
                Assert.True(options.Registries.Count >= 2, $"{snippet}: {options.Registries.Count} registries");
            }

            if (example.Contains("ONE REGISTRY", StringComparison.Ordinal))
            {
                Assert.True(options.Registries.Count == 1, $"{snippet}: {options.Registries.Count} registries");
            }

            Assert.True(example.Contains("SOURCE CHECKOUT", StringComparison.Ordinal) == IsSourceCheckout(snippet), $"{snippet}: heading and command disagree");
        });
    }

    private static List<ClientSnippet> Snippets()
    {
        var snippets = new List<ClientSnippet>();
        foreach (var (language, client, example, line, text) in ClientSnippet.Blocks(File.ReadAllText(RepositoryFiles.PathOf("docs/clients.md"))))
        {
            if (language == "json")
            {
                var file = JsonNode.Parse(text) as JsonObject ?? throw new FormatException($"docs/clients.md line {line}: not a JSON object");
                snippets.AddRange(ClientSnippet.FromJson(client, example, line, file));
            }
            else if (language == "sh")
            {
                snippets.AddRange(text.Split('\n').Where(l => l.StartsWith("claude mcp add", StringComparison.Ordinal))
                    .Select(l => ClientSnippet.FromClaudeMcpAdd(client, example, line, l)));
            }
        }

        Assert.NotEmpty(snippets);
        return snippets;
    }

    private static bool IsSourceCheckout(ClientSnippet snippet) => snippet.Arguments is ["run", ..];

    /// <summary>Checks how the snippet starts the server and returns the arguments the server itself gets (those after <c>--</c>).</summary>
    private static string[] ServerArguments(ClientSnippet snippet)
    {
        var command = Path.GetFileNameWithoutExtension(snippet.Command);
        Assert.True(command is "dotnet" or "dnx", $"{snippet}: command {snippet.Command}");
        Assert.True(Resolves(command), $"{snippet}: {command} is not on PATH nor in the .NET folder {DotnetRoot}");
        var arguments = snippet.Arguments.ToArray();
        var separator = Array.IndexOf(arguments, "--");
        var own = separator < 0 ? arguments : arguments[..separator];
        var server = separator < 0 ? [] : arguments[(separator + 1)..];
        if (command == "dotnet" && own is ["dnx", ..])
        {
            (command, own) = ("dnx", own[1..]);
        }

        switch (command, own)
        {
            case ("dnx", [var package, .. var options]):
                var (id, version) = (package.Split('@')[0], package.Split('@').ElementAtOrDefault(1));
                Assert.Equal(Property("PackageId"), id);
                Assert.True(version is null || version == Property("Version"), $"{snippet}: version {version}");
                Assert.True(options is ["--yes"], $"{snippet}: dnx needs --yes (a client cannot answer its prompt), found {string.Join(' ', options)}");
                break;
            case ("dotnet", ["run", "--project", var project]):
                var folder = CheckoutPlaceholders.Aggregate(project, (path, placeholder) => path.Replace(placeholder, RepositoryFiles.Root, StringComparison.Ordinal));
                Assert.True(folder != project, $"{snippet}: project path {project} does not start with {string.Join(" or ", CheckoutPlaceholders)}");
                Assert.True(File.Exists(Path.Combine(folder, "BulkWizard.Server.csproj")), $"{snippet}: no project at {project}");
                break;
            default:
                Assert.Fail($"{snippet}: '{snippet.Command} {string.Join(' ', snippet.Arguments)}' neither runs the package nor a project");
                break;
        }

        return server;
    }

    /// <summary>The settings as the server loads them: <c>BulkWizard__</c> variables and arguments through .NET configuration, the rest as the environment.</summary>
    private static BulkWizardOptions Load(ClientSnippet snippet)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(snippet.Environment.Where(e => e.Key.StartsWith("BulkWizard__", StringComparison.Ordinal))
                .Select(e => KeyValuePair.Create(e.Key.Replace("__", ":", StringComparison.Ordinal), (string?)e.Value)))
            .AddCommandLine(ServerArguments(snippet))
            .Build();
        var environment = new Hashtable(snippet.Environment.Where(e => !e.Key.StartsWith("BulkWizard__", StringComparison.Ordinal)).ToDictionary());
        try
        {
            return ServerSettingsLoader.Load(configuration, environment);
        }
        catch (ConfigurationException e)
        {
            throw new InvalidOperationException($"{snippet}: the server refuses these settings: {e.Message}", e);
        }
    }

    private static string Property(string name) => ServerProject.Descendants(name).Single().Value;

    private static string DotnetRoot => Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static readonly string[] CommandExtensions = ["", ".exe", ".cmd"];

    private static bool Resolves(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append(DotnetRoot)
            .SelectMany(folder => CommandExtensions.Select(extension => Path.Combine(folder, command + extension)))
            .Any(File.Exists);

    [GeneratedRegex("^(SCHEMA_REGISTRY_[A-Z]+(_[0-9]+)?|(VIEWONLY|READONLY)(_[0-9]+)?)$")]
    private static partial Regex LegacyVariable();
}
