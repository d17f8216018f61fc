using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BulkWizard.Server.Tests.Support;

/// <summary>
/// One server configuration shown in docs/clients.md: the client section (<c>##</c>) and example (<c>###</c>) it is
/// under, and the command, arguments and environment it gives the server. Read from fenced <c>json</c> blocks and from
/// <c>claude mcp add</c> lines.
/// </summary>
public sealed partial record ClientSnippet(string Client, string Example, int Line, string Command, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment)
{
    public override string ToString() => $"docs/clients.md line {Line} ({Client} / {Example})";

    /// <summary>The fenced blocks of a Markdown text with their language, first line and the headings they are under.</summary>
    public static IEnumerable<(string Language, string Client, string Example, int Line, string Text)> Blocks(string markdown)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var (client, example) = ("", "");
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                (client, example) = (lines[i][3..], "");
            }
            else if (lines[i].StartsWith("### ", StringComparison.Ordinal))
            {
                example = lines[i][4..];
            }
            else if (lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                var start = i;
                var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                yield return (lines[i][3..].Trim(), client, example, start + 2, string.Join('\n', lines[(start + 1)..end]));
                i = end;
            }
        }
    }

    /// <summary>A <c>claude mcp add NAME [--scope S] [--env K=V]… -- COMMAND ARGS…</c> line.</summary>
    public static ClientSnippet FromClaudeMcpAdd(string client, string example, int line, string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var separator = Array.IndexOf(words, "--");
        if (words.Length < 4 || words[..3] is not ["claude", "mcp", "add"] || separator < 0)
        {
            throw new FormatException($"line {line}: not 'claude mcp add NAME [options] -- COMMAND ARGS': {text}");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 4; i < separator; i += 2)
        {
            switch (words[i])
            {
                case "--env" or "-e":
                    var pair = words[i + 1].Split('=', 2);
                    environment.Add(pair[0], pair[1]);
                    break;
                case "--scope" or "-s":
                    Assert.Contains(words[i + 1], Scopes);
                    break;
                default:
                    throw new FormatException($"line {line}: unexpected option {words[i]}");
            }
        }

        Assert.True(ServerName().IsMatch(words[3]), $"line {line}: server name '{words[3]}'");
        return new ClientSnippet(client, example, line, words[separator + 1], words[(separator + 2)..], environment);
    }

    /// <summary>Every server of a client's JSON file, after checking the file's shape for that client.</summary>
    public static IEnumerable<ClientSnippet> FromJson(string client, string example, int line, JsonObject file)
    {
        var vsCode = client.Contains("VS Code", StringComparison.Ordinal);
        var key = vsCode ? "servers" : "mcpServers";
        var allowed = vsCode ? new[] { "servers", "inputs" } : ["mcpServers"];
        Assert.True(file.All(p => allowed.Contains(p.Key)), $"line {line}: {client} reads only {string.Join(", ", allowed)}, found {string.Join(", ", file.Select(p => p.Key))}");
        var servers = file[key]?.AsObject() ?? throw new FormatException($"line {line}: {client} needs the top-level key '{key}'");
        foreach (var (name, node) in servers)
        {
            var server = node!.AsObject();
            Assert.True(ServerName().IsMatch(name), $"line {line}: server name '{name}'");
            if (vsCode || server.ContainsKey("type"))
            {
                Assert.Equal("stdio", server["type"]?.GetValue<string>());
            }

            Assert.True(server.All(p => p.Key is "type" or "command" or "args" or "env"), $"line {line}: unexpected member in {server.ToJsonString()}");
            yield return new ClientSnippet(
                client,
                example,
                line,
                server["command"]!.GetValue<string>(),
                server["args"]?.AsArray().Select(a => a!.GetValue<string>()).ToList() ?? [],
                server["env"]?.AsObject().ToDictionary(e => e.Key, e => e.Value!.GetValue<string>()) ?? []);
        }
    }

    private static readonly string[] Scopes = ["local", "project", "user"];

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ServerName();
}
