using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using BulkWizard.EndToEnd.Tests.Support;

namespace BulkWizard.EndToEnd.Tests.Packaging;

/// <summary>
/// What the package tells NuGet and the MCP registry: a .NET tool of MCP server type, and a <c>.mcp/server.json</c>
/// naming the package's own version and only settings the server reads.
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed partial class PackageContentsTests(InstalledTool tool)
{
    [Fact]
    public void Nuspec_IsAToolOfMcpServerTypeAtTheServersVersion()
    {
        var metadata = ReadEntry<XDocument>("BulkWizard.nuspec", XDocument.Parse).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var settings = ReadEntry($"tools/net10.0/any/DotnetToolSettings.xml", XDocument.Parse);

        Assert.Equal((InstalledTool.PackageId, tool.Version), (Child(metadata, "id"), Child(metadata, "version")));
        Assert.Equal(
            ["DotnetTool", "McpServer"],
            metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => e.Attribute("name")!.Value).Order(StringComparer.Ordinal));
        Assert.Equal(InstalledTool.CommandName, settings.Descendants("Command").Single().Attribute("Name")!.Value);
    }

    [Fact]
    public void ServerJson_DescribesThisPackageAtItsVersion()
    {
        var server = ServerJson();
        var package = server["packages"]!.AsArray().Single()!;

        Assert.StartsWith("https://static.modelcontextprotocol.io/schemas/", server.Str("$schema"), StringComparison.Ordinal);
        Assert.Matches(RegistryName(), server.Str("name"));
        Assert.InRange(server.Str("description").Length, 1, 100);
        Assert.Equal(tool.Version, server.Str("version"));
        Assert.Equal(
            ("nuget", InstalledTool.PackageId, tool.Version, "stdio"),
            (package.Str("registryType"), package.Str("identifier"), package.Str("version"), package["transport"]!.Str("type")));
    }

    [Fact]
    public void ServerJson_SecretsAreMarkedAndEveryInputIsDescribed()
    {
        var package = ServerJson()["packages"]![0]!;
        var inputs = package["environmentVariables"]!.AsArray().Concat(package["packageArguments"]!.AsArray()).ToList();

        Assert.All(inputs, input => Assert.False(string.IsNullOrWhiteSpace(input!.Str("description")), input!.ToJsonString()));
        Assert.All(
            package["environmentVariables"]!.AsArray().Where(v => v!.Str("name").Contains("PASSWORD", StringComparison.Ordinal)),
            v => Assert.True(v!["isSecret"]!.GetValue<bool>(), v.Str("name")));
    }

    internal JsonObject ServerJson() => ReadEntry(".mcp/server.json", text => JsonNode.Parse(text)!.AsObject());

    private T ReadEntry<T>(string path, Func<string, T> parse)
    {
        using var package = ZipFile.OpenRead(tool.PackagePath);
        var entry = package.GetEntry(path) ?? throw new InvalidOperationException($"{path} is not in {tool.PackagePath}");
        using var reader = new StreamReader(entry.Open());
        return parse(reader.ReadToEnd());
    }

    private static string Child(XElement parent, string name) => parent.Elements().Single(e => e.Name.LocalName == name).Value;

    [GeneratedRegex("^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$")]
    private static partial Regex RegistryName();
}
