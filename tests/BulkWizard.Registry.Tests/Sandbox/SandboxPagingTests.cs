using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using BulkWizard.Sandbox;

namespace BulkWizard.Registry.Tests.Sandbox;

/// <summary><c>GET /schemas</c> paging through the gateway against the Sandbox.</summary>
public sealed class SandboxPagingTests(SandboxGateways sandboxes) : IClassFixture<SandboxGateways>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(SchemaQuery.DefaultPageSize)]
    [InlineData(5000)]
    [InlineData(333)]
    public async Task Schemas_MoreThanTheCap_AreAllRead_OnPlatform8(int pageSize)
    {
        var gateway = sandboxes.Gateway(SandboxProfile.Platform8);
        var context = Some.Context("page");
        const int count = 1005;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            await gateway.RegisterAsync(new QualifiedSubject(context, $"s{i:0000}"), new RegisterSchemaRequest(Some.AvroRecord("Page", "a")), ct));

        var read = await ReadAllAsync(gateway, new SchemaQuery($":{context}:", PageSize: pageSize));

        Assert.Equal(count, read.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"s{i:0000}"), read.Select(s => s.Subject.Name));
        Assert.All(read, s => Assert.Equal(context, s.Subject.Context));
    }

    [Theory]
    [MemberData(nameof(SandboxGateways.Profiles), MemberType = typeof(SandboxGateways))]
    public async Task Schemas_SmallPages_ReadEveryVersionOnce(SandboxProfile profile)
    {
        var gateway = sandboxes.Gateway(profile);
        var context = Some.Context("small");
        for (var i = 0; i < 7; i++)
        {
            await gateway.RegisterAsync(new QualifiedSubject(context, $"s{i}"), new RegisterSchemaRequest(Some.AvroRecord("Small", "a")), None);
        }

        await gateway.DeleteSubjectAsync(new QualifiedSubject(context, "s3"), DeleteKind.Soft, None);

        var live = await ReadAllAsync(gateway, new SchemaQuery($":{context}:", PageSize: 2));
        var all = await ReadAllAsync(gateway, new SchemaQuery($":{context}:", IncludeDeleted: true, PageSize: 2));
        var latest = await ReadAllAsync(gateway, new SchemaQuery($":{context}:", LatestOnly: true, PageSize: 3));

        Assert.Equal(6, live.Count);
        Assert.Equal(7, all.Count);
        Assert.Equal(6, latest.Count);
        Assert.Equal(all.Select(s => s.Subject).Distinct().Count(), all.Count);
    }

    private static async Task<List<SchemaVersion>> ReadAllAsync(IRegistryGateway gateway, SchemaQuery query)
    {
        var items = new List<SchemaVersion>();
        await foreach (var item in gateway.ListSchemasAsync(query, None))
        {
            items.Add(item);
        }

        return items;
    }
}
