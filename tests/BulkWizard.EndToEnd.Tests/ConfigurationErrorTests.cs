using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests;

/// <summary>A bad setting stops the process with exit code 2 and one line on stderr; it never falls back to the Sandbox.</summary>
public sealed class ConfigurationErrorTests
{
    [Theory]
    [InlineData("SCHEMA_REGISTRY_URL", "not-a-url", "bulkwizard: configuration error: registry 0 ('default'): Url 'not-a-url' is not an absolute http:// or https:// URL.")]
    [InlineData("SCHEMA_REGISTRY_PASSWORD_2", "hunter2", "bulkwizard: configuration error: SCHEMA_REGISTRY_PASSWORD_2 is set but SCHEMA_REGISTRY_URL_2 is not: every numbered registry needs its URL.")]
    [InlineData("BulkWizard__Registries__0__Adress", "http://x", null)]
    public async Task BadSetting_ExitCode2OneLineOnStderrNothingOnStdout(string name, string value, string? expected)
    {
        await using var server = RawServerProcess.Start(new Dictionary<string, string> { [name] = value });

        var exitCode = await server.CloseAndWaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Empty(server.StdoutLines);
        var line = Assert.Single(server.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        if (expected is null)
        {
            Assert.StartsWith("bulkwizard: configuration error: BulkWizard: ", line, StringComparison.Ordinal);
            Assert.Contains("Adress", line, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, line);
        }

        Assert.DoesNotContain("hunter2", server.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Sandbox", server.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingConfigFile_ExitCode2NamingTheFile_NotACrash()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"bulkwizard-missing-{Guid.NewGuid():N}.json");
        await using var server = RawServerProcess.Start(null, "--config", missing);

        var exitCode = await server.CloseAndWaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Empty(server.StdoutLines);
        var line = Assert.Single(server.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"bulkwizard: configuration error: The configuration file '{Path.GetFileName(missing)}' was not found", line, StringComparison.Ordinal);
    }
}
