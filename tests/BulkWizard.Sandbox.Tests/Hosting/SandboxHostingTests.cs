using System.Text.Json.Nodes;
using BulkWizard.Sandbox.Tests.Support;

namespace BulkWizard.Sandbox.Tests.Hosting;

/// <summary>Embedding: bound address, demo data, persistence round trip, request counts.</summary>
public sealed class SandboxHostingTests
{
    [Fact]
    public async Task DemoData_HasTheAdvertisedShape()
    {
        await using var registry = await SandboxRegistry.StartAsync(new SandboxOptions());
        using var http = new HttpClient { BaseAddress = registry.BaseAddress };
        var client = new RegistryClient(http);

        var subjects = (await client.GetAsync("subjects")).Strings();
        var deleted = (await client.GetAsync("subjects?deletedOnly=true")).Strings();
        var contexts = (await client.GetAsync("contexts")).Strings();
        var deprecatedByMetadata = await client.GetAsync("subjects/sessions-value/metadata?key=deprecated&value=true");
        var referrers = (await client.GetAsync("subjects/common-address/versions/1/referencedby")).Ints();

        Assert.InRange(subjects.Length + deleted.Length, 55, 65);
        Assert.InRange(subjects.Count(s => s.StartsWith("test-", StringComparison.Ordinal)), 10, 14);
        Assert.Contains(subjects, s => s.StartsWith("deprecated-", StringComparison.Ordinal));
        Assert.Contains(subjects, s => s.EndsWith("-key", StringComparison.Ordinal));
        Assert.Equal(new[] { ".", ".prod", ".staging" }, contexts);
        Assert.Contains(subjects, s => s.StartsWith(":.staging:", StringComparison.Ordinal));
        Assert.Single(deleted);
        Assert.Equal(200, deprecatedByMetadata.Code);
        Assert.Equal(6, referrers.Length); // customers-value v1-v4 and shipments-value v1-v2
        Assert.Equal("READONLY", (await client.GetAsync("mode/test-subject-07")).Str("mode"));
        Assert.Equal("FULL", (await client.GetAsync("config/payments-value")).Str("compatibilityLevel"));
        Assert.Equal(new[] { -1, 2, 3, 4 }, (await client.GetAsync("subjects/sessions-value/versions?deleted=true&deletedAsNegative=true")).Ints());
        var multiVersion = 0;
        foreach (var subject in subjects)
        {
            multiVersion += (await client.GetAsync($"subjects/{Uri.EscapeDataString(subject)}/versions")).Ints().Length > 1 ? 1 : 0;
        }

        Assert.True(multiVersion > subjects.Length / 2, $"{multiVersion} of {subjects.Length} subjects have several versions");
    }

    [Fact]
    public async Task DemoData_IsDeterministic()
    {
        static async Task<string> DumpAsync()
        {
            await using var registry = await SandboxRegistry.StartAsync(new SandboxOptions());
            using var http = new HttpClient { BaseAddress = registry.BaseAddress };
            var all = (await new RegistryClient(http).GetAsync("schemas?subjectPrefix=:*:&deleted=true")).Json!.AsArray();
            return string.Join("\n", all.Select(s => $"{s!["subject"]}|{s["version"]}|{s["id"]}|{s["guid"]}"));
        }

        Assert.Equal(await DumpAsync(), await DumpAsync());
    }

    [Fact]
    public async Task DataFile_RoundTripsTheWholeRegistry()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sandbox-{Guid.NewGuid():N}", "registry.json");
        try
        {
            int id;
            await using (var first = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false, DataFile = path }))
            {
                using var http = new HttpClient { BaseAddress = first.BaseAddress };
                var client = new RegistryClient(http);
                id = await client.RegisterAsync(":.ctx:kept", Schemas.Simple("Kept"));
                await client.RegisterAsync("soft", Schemas.Simple("Soft"));
                await client.DeleteAsync("subjects/soft");
                await client.PutAsync("config/kept", new JsonObject { ["compatibility"] = "FULL" });
                await client.PutAsync("mode/soft", new JsonObject { ["mode"] = "READONLY" });
            }

            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
            await using var second = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = true, DataFile = path });
            using var http2 = new HttpClient { BaseAddress = second.BaseAddress };
            var reopened = new RegistryClient(http2);

            Assert.Equal(id, (await reopened.GetAsync("subjects/:.ctx:kept/versions/1")).Number("id"));
            Assert.Equal(new[] { "soft" }, (await reopened.GetAsync("subjects?deletedOnly=true")).Strings());
            Assert.Equal("FULL", (await reopened.GetAsync("config/kept")).Str("compatibilityLevel"));
            Assert.Equal("READONLY", (await reopened.GetAsync("mode/soft")).Str("mode"));
            Assert.Equal(new[] { ".", ".ctx" }, (await reopened.GetAsync("contexts")).Strings());
            Assert.Equal(2, await reopened.RegisterAsync(":.ctx:next", Schemas.Simple("Next")));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task Requests_AreCountedPerRouteTemplate_AndReset()
    {
        await using var registry = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        using var http = new HttpClient { BaseAddress = registry.BaseAddress };
        var client = new RegistryClient(http);
        await client.RegisterAsync("counted", Schemas.Simple("Counted"));
        await client.GetAsync("subjects/counted/versions");
        await client.GetAsync("contexts/.x/subjects/counted/versions");
        await client.GetAsync("nowhere");

        Assert.Equal(4, registry.Requests.Total);
        Assert.Equal(2, registry.Requests.Get("GET /subjects/{subject}/versions"));
        Assert.Equal(1, registry.Requests.Get("POST /subjects/{subject}/versions"));
        Assert.Equal(1, registry.Requests.Get("GET (unmatched)"));
        registry.Requests.Reset();
        Assert.Equal(0, registry.Requests.Total);
        Assert.Empty(registry.Requests.Snapshot());
    }

    [Fact]
    public async Task RequestCounts_ServedOnlyWhenAsked_AndNotCountedThemselves()
    {
        await using var plain = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        await using var counting = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false, ServeRequestCounts = true });
        using var plainHttp = new HttpClient { BaseAddress = plain.BaseAddress };
        using var http = new HttpClient { BaseAddress = counting.BaseAddress };
        var client = new RegistryClient(http);
        await client.RegisterAsync("counted", Schemas.Simple("Counted"));
        await client.GetAsync("subjects/counted/versions");

        var counts = (await client.GetAsync("_sandbox/requests")).Json!;
        var again = (await client.GetAsync("_sandbox/requests")).Json!;

        Assert.Equal(404, (await new RegistryClient(plainHttp).GetAsync("_sandbox/requests")).Code);
        Assert.Equal(2, counts["total"]!.GetValue<long>());
        Assert.Equal(1, counts["routes"]!["GET /subjects/{subject}/versions"]!.GetValue<long>());
        Assert.Equal(1, counts["routes"]!["POST /subjects/{subject}/versions"]!.GetValue<long>());
        Assert.Equal(2, again["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task BaseAddress_IsTheRealBoundLoopbackPort()
    {
        await using var registry = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });

        Assert.Equal("127.0.0.1", registry.BaseAddress.Host);
        Assert.NotEqual(0, registry.BaseAddress.Port);
        Assert.EndsWith("/", registry.BaseAddress.AbsoluteUri, StringComparison.Ordinal);
    }
}
