using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using BulkWizard.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace BulkWizard.EndToEnd.Tests.Packaging;

/// <summary>
/// Every input the packed <c>.mcp/server.json</c> offers a client is one the server reads: each environment variable
/// changes the loaded settings, and each file argument is read by the installed command.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class ServerJsonInputsTests(InstalledTool tool)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>One registry with basic auth, so that each variable can be changed alone and the settings stay valid.</summary>
    private static readonly Dictionary<string, string> Baseline = new(StringComparer.Ordinal)
    {
        ["SCHEMA_REGISTRY_URL"] = "http://127.0.0.1:8081",
        ["SCHEMA_REGISTRY_USER"] = "base-user",
        ["SCHEMA_REGISTRY_PASSWORD"] = "base-secret",
    };

    [Fact]
    public void EveryEnvironmentVariable_ChangesWhatTheServerLoads()
    {
        var variables = Package()["environmentVariables"]!.AsArray().Select(v => v!.AsObject()).ToList();
        var baseline = Loaded(Baseline);

        Assert.NotEmpty(variables);
        foreach (var variable in variables)
        {
            var name = variable.Str("name");
            var changed = Loaded(new Dictionary<string, string>(Baseline, StringComparer.Ordinal) { [name] = SampleValue(variable) });
            Assert.True(changed != baseline, $"{name} changes no setting the server loads");
        }
    }

    [Fact]
    public async Task EveryFileArgument_IsReadByTheInstalledCommand()
    {
        var arguments = Package()["packageArguments"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"bulkwizard-args-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "BulkWizard": { "NoSuchSetting": true } }""");
        try
        {
            Assert.NotEmpty(arguments);
            foreach (var argument in arguments)
            {
                Assert.Equal(("named", "filepath"), (argument.Str("type"), argument.Str("format")));
                var name = argument.Str("name");
                foreach (var form in new[] { new[] { name, file }, [$"{name}={file}"] })
                {
                    await using var server = RawServerProcess.StartCommand(tool.Command, form, InstalledTool.Settings());
                    var exitCode = await server.CloseAndWaitAsync(Timeout);

                    Assert.True(exitCode == 2, $"{string.Join(' ', form)}: exit code {exitCode}, stderr: {server.Stderr}");
                    Assert.Contains("NoSuchSetting", server.Stderr, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private JsonNode Package() => new PackageContentsTests(tool).ServerJson()["packages"]![0]!;

    /// <summary>
    /// The settings loaded from these variables, as the server loads them: <c>BulkWizard__…</c> through .NET
    /// configuration (<c>__</c> is <c>:</c>), the rest as the environment. A refused setting fails the test with its message.
    /// </summary>
    private static string Loaded(Dictionary<string, string> variables)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(variables.Where(v => v.Key.Contains("__", StringComparison.Ordinal))
                .Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value)))
            .Build();
        var environment = new Hashtable(variables.Where(v => !v.Key.Contains("__", StringComparison.Ordinal)).ToDictionary(v => v.Key, v => v.Value));
        return JsonSerializer.Serialize(ServerSettingsLoader.Load(configuration, environment, fileExists: _ => true));
    }

    private static string SampleValue(JsonObject variable) => variable["format"]?.GetValue<string>() switch
    {
        "boolean" => "true",
        "filepath" => Path.Combine(Path.GetTempPath(), "bulkwizard-sample"),
        _ when variable.Str("name").Contains("URL", StringComparison.Ordinal) || variable.Str("name").EndsWith("Endpoint", StringComparison.Ordinal) => "http://127.0.0.1:18081",
        _ => "sample-value",
    };
}
