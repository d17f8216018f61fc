using System.Collections;
using BulkWizard.Server.Configuration;
using Microsoft.Extensions.Configuration;

namespace BulkWizard.Server.Tests.Configuration;

public sealed class ServerSettingsLoaderTests
{
    private static BulkWizardOptions Load(Dictionary<string, string?>? settings = null, Dictionary<string, string>? environment = null) =>
        ServerSettingsLoader.Load(Configuration(settings), new Hashtable(environment ?? []), fileExists: path => path == "/etc/ca.pem");

    private static IConfiguration Configuration(Dictionary<string, string?>? settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();

    private static string ErrorOf(Dictionary<string, string?>? settings = null, Dictionary<string, string>? environment = null) =>
        Assert.Throws<ConfigurationException>(() => Load(settings, environment)).Message;

    [Fact]
    public void Load_NothingConfigured_NoRegistriesAndSandboxWanted()
    {
        var options = Load();

        Assert.Empty(options.Registries);
        Assert.False(ServerSettingsLoader.AnyRegistryConfigured(Configuration(null), new Hashtable()));
    }

    [Fact]
    public void Load_SingleLegacyVariables_OneDefaultNamedRegistryWithBasicAuth()
    {
        var options = Load(environment: new()
        {
            ["SCHEMA_REGISTRY_URL"] = "https://sr.example.com:8081",
            ["SCHEMA_REGISTRY_USER"] = "alice",
            ["SCHEMA_REGISTRY_PASSWORD"] = "s3cret",
            ["VIEWONLY"] = "true",
        });

        var registry = Assert.Single(options.Registries);
        Assert.Equal(("default", "https://sr.example.com:8081", "alice", "s3cret"), (registry.Name, registry.Url, registry.Username, registry.Password));
        Assert.True(options.ViewOnly);
    }

    [Fact]
    public void Load_NumberedLegacyVariables_OneRegistryEachWithItsOwnReadOnlyFlag()
    {
        var options = Load(environment: new()
        {
            ["SCHEMA_REGISTRY_NAME_1"] = "prod",
            ["SCHEMA_REGISTRY_URL_1"] = "http://prod:8081",
            ["VIEWONLY_1"] = "true",
            ["SCHEMA_REGISTRY_NAME_2"] = "staging",
            ["SCHEMA_REGISTRY_URL_2"] = "http://staging:8081",
            ["READONLY_2"] = "false",
        });

        Assert.Equal(["prod", "staging"], options.Registries.Select(r => r.Name));
        Assert.Equal([true, false], options.Registries.Select(r => r.ReadOnly));
        Assert.False(options.ViewOnly);
    }

    [Fact]
    public void Load_DotNetConfiguration_BindsRegistriesTlsAndKafka()
    {
        var options = Load(new()
        {
            ["BulkWizard:Registries:0:Name"] = "prod",
            ["BulkWizard:Registries:0:Url"] = "https://a:8081,https://b:8081",
            ["BulkWizard:Registries:0:BearerToken"] = "token",
            ["BulkWizard:Registries:0:Tls:CaFile"] = "/etc/ca.pem",
            ["BulkWizard:Registries:0:Kafka:BootstrapServers"] = "kafka:9092",
            ["BulkWizard:Registries:0:Default"] = "true",
            ["BulkWizard:DataDirectory"] = "/var/lib/bulkwizard",
        });

        var registry = Assert.Single(options.Registries);
        Assert.Equal(["https://a:8081", "https://b:8081"], registry.Urls);
        Assert.Equal(("token", "/etc/ca.pem", "kafka:9092"), (registry.BearerToken, registry.Tls.CaFile, registry.Kafka!.BootstrapServers));
        Assert.Equal("/var/lib/bulkwizard", options.DataDirectory);
    }

    [Fact]
    public void Load_BothForms_MergedInOrder()
    {
        var options = Load(
            new() { ["BulkWizard:Registries:0:Name"] = "prod", ["BulkWizard:Registries:0:Url"] = "http://prod:8081" },
            new() { ["SCHEMA_REGISTRY_URL"] = "http://local:8081" });

        Assert.Equal(["prod", "default"], options.Registries.Select(r => r.Name));
    }

    [Theory]
    [InlineData("SCHEMA_REGISTRY_URL", "not a url", "registry 0 ('default'): Url 'not a url' is not an absolute http:// or https:// URL.")]
    [InlineData("SCHEMA_REGISTRY_URL", "ftp://x", "registry 0 ('default'): Url 'ftp://x' is not an absolute http:// or https:// URL.")]
    [InlineData("SCHEMA_REGISTRY_URL", "http://bob:pw@:bad", "registry 0 ('default'): Url 'http://***@:bad' is not an absolute http:// or https:// URL.")]
    [InlineData("SCHEMA_REGISTRY_USER_3", "alice", "SCHEMA_REGISTRY_USER_3 is set but SCHEMA_REGISTRY_URL_3 is not: every numbered registry needs its URL.")]
    [InlineData("SCHEMA_REGISTRY_URLS", "http://x", "Unknown setting SCHEMA_REGISTRY_URLS: expected SCHEMA_REGISTRY_URL, _USER, _PASSWORD or _NAME, optionally numbered _1 to _8.")]
    [InlineData("SCHEMA_REGISTRY_URL_9", "http://x", "Unknown setting SCHEMA_REGISTRY_URL_9: expected SCHEMA_REGISTRY_URL, _USER, _PASSWORD or _NAME, optionally numbered _1 to _8.")]
    [InlineData("VIEWONLY_12", "true", "Unknown setting VIEWONLY_12: numbered VIEWONLY/READONLY go from _1 to _8.")]
    [InlineData("VIEWONLY", "maybe", "VIEWONLY='maybe' is not a boolean: use true or false.")]
    public void Load_BadLegacyVariable_OneLineErrorNamingIt(string name, string value, string expected)
    {
        Assert.Equal(expected, ErrorOf(environment: new() { [name] = value }));
    }

    [Fact]
    public void Load_DuplicateNames_Refused()
    {
        var error = ErrorOf(
            new() { ["BulkWizard:Registries:0:Name"] = "Prod", ["BulkWizard:Registries:0:Url"] = "http://a" },
            new() { ["SCHEMA_REGISTRY_NAME_1"] = "prod", ["SCHEMA_REGISTRY_URL_1"] = "http://b" });

        Assert.Equal("registry 1 ('prod'): Name 'prod' is used by two registries: names must be unique.", error);
    }

    [Fact]
    public void Load_TypoInSectionKey_RefusedNamingTheKey()
    {
        var error = ErrorOf(new() { ["BulkWizard:Registres:0:Url"] = "http://a" });

        Assert.StartsWith("BulkWizard: ", error);
        Assert.Contains("Registres", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TypoInRegistryKey_RefusedNamingTheKey()
    {
        var error = ErrorOf(new() { ["BulkWizard:Registries:0:Name"] = "a", ["BulkWizard:Registries:0:Url"] = "http://a", ["BulkWizard:Registries:0:Pasword"] = "x" });

        Assert.Contains("Pasword", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Username", "alice", "registry 0 ('a'): basic auth needs both Username and Password.")]
    [InlineData("RequestTimeoutSeconds", "0", "registry 0 ('a'): RequestTimeoutSeconds 0 is out of range: allowed 1 to 600.")]
    [InlineData("ConnectTimeoutSeconds", "0", "registry 0 ('a'): ConnectTimeoutSeconds 0 is out of range: allowed 1 to 600.")]
    [InlineData("MaxWritesPerMinute", "0", "registry 0 ('a'): MaxWritesPerMinute 0 is out of range: allowed 1 to 60000, or leave it out for no ceiling.")]
    [InlineData("MaxWritesPerMinute", "60001", "registry 0 ('a'): MaxWritesPerMinute 60001 is out of range: allowed 1 to 60000, or leave it out for no ceiling.")]
    [InlineData("Tls:CaFile", "/missing.pem", "registry 0 ('a'): Tls.CaFile '/missing.pem' does not exist.")]
    [InlineData("Kafka:BootstrapServers", " ", "registry 0 ('a'): Kafka.BootstrapServers is empty: give host:port[,host:port] or remove the Kafka section.")]
    [InlineData("Name", "bad name", "registry 0 ('bad name'): Name 'bad name' is invalid: use 1-64 letters, digits, '.', '_' or '-'.")]
    public void Load_BadRegistryField_OneLineErrorNamingIt(string field, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { ["BulkWizard:Registries:0:Name"] = "a", ["BulkWizard:Registries:0:Url"] = "http://a" };
        settings[$"BulkWizard:Registries:0:{field}"] = value;

        Assert.Equal(expected, ErrorOf(settings));
    }

    [Fact]
    public void Load_MaxWritesPerMinute_BoundAndOffByDefault()
    {
        var options = Load(new()
        {
            ["BulkWizard:Registries:0:Name"] = "a", ["BulkWizard:Registries:0:Url"] = "http://a", ["BulkWizard:Registries:0:MaxWritesPerMinute"] = "120",
            ["BulkWizard:Registries:1:Name"] = "b", ["BulkWizard:Registries:1:Url"] = "http://b",
        });

        Assert.Equal([120, null], options.Registries.Select(r => r.MaxWritesPerMinute));
    }

    [Fact]
    public void Load_TwoDefaults_Refused()
    {
        var error = ErrorOf(new()
        {
            ["BulkWizard:Registries:0:Name"] = "a", ["BulkWizard:Registries:0:Url"] = "http://a", ["BulkWizard:Registries:0:Default"] = "true",
            ["BulkWizard:Registries:1:Name"] = "b", ["BulkWizard:Registries:1:Url"] = "http://b", ["BulkWizard:Registries:1:Default"] = "true",
        });

        Assert.Equal("Default is set on a and b: at most one registry may be the default.", error);
    }

    [Fact]
    public void Load_BadLogLevel_Refused()
    {
        var error = ErrorOf(new() { ["BulkWizard:Logging:Overrides:BulkWizard.Core.Wizard"] = "Chatty" });

        Assert.Equal("BulkWizard:Logging:Overrides:BulkWizard.Core.Wizard='Chatty' is not a log level: use Verbose, Debug, Information, Warning, Error or Fatal.", error);
    }

    [Fact]
    public void AnyRegistryConfigured_InvalidLegacyVariableOnly_StillCountsSoNoSandboxFallback()
    {
        Assert.True(ServerSettingsLoader.AnyRegistryConfigured(Configuration(null), new Hashtable { ["SCHEMA_REGISTRY_USER"] = "x" }));
    }
}
