using System.Text.Json.Nodes;
using BulkWizard.Core.Configuration.Retention;

namespace BulkWizard.Core.Tests.Configuration.Retention;

/// <summary>retention-policies.json in a data directory of its own: round trip, replace, remove, bad files.</summary>
public sealed class RetentionPolicyStoreTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "bulkwizard-retention-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Load_NoFile_NoPolicies() => Assert.Empty(new RetentionPolicyStore(_root).Load());

    [Fact]
    public void Save_TwoPolicies_LoadedBackSortedAsReadableSnakeCaseJsonWithNoTemporaryFileLeft()
    {
        var store = new RetentionPolicyStore(_root);
        var orders = new RetentionPolicy("prod", "orders-*", 5, null, Monday);
        var all = new RetentionPolicy("prod", ":*:*", null, 90, Monday.AddDays(1));

        store.Save(orders);
        store.Save(all);

        Assert.Equal([all, orders], store.Load());
        Assert.Equal([RetentionPolicyStore.FileName], Directory.GetFiles(_root).Select(Path.GetFileName));
        var json = JsonNode.Parse(File.ReadAllText(store.FilePath))!;
        Assert.Equal(
            ["registry", "pattern", "keep_last", "older_than_days", "set_at"],
            json["policies"]![1]!.AsObject().Select(p => p.Key));
        Assert.Contains("\n", File.ReadAllText(store.FilePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Save_SameRegistryAnyCaseAndPattern_ReplacesIt_OtherPatternsAndRegistriesKept()
    {
        var store = new RetentionPolicyStore(_root);
        store.Save(new RetentionPolicy("prod", "orders-*", 5, null, Monday));
        store.Save(new RetentionPolicy("dr", "orders-*", 2, null, Monday));
        store.Save(new RetentionPolicy("prod", "payments-*", 3, null, Monday));

        store.Save(new RetentionPolicy("PROD", "orders-*", 10, 30, Monday.AddDays(2)));

        Assert.Equal(
            [
                new RetentionPolicy("dr", "orders-*", 2, null, Monday),
                new RetentionPolicy("PROD", "orders-*", 10, 30, Monday.AddDays(2)),
                new RetentionPolicy("prod", "payments-*", 3, null, Monday),
            ],
            store.Load());
    }

    [Fact]
    public void Remove_OnePolicy_OthersKept_UnknownOneChangesNothing()
    {
        var store = new RetentionPolicyStore(_root);
        store.Save(new RetentionPolicy("prod", "orders-*", 5, null, Monday));
        store.Save(new RetentionPolicy("prod", "payments-*", 3, null, Monday));

        store.Remove("Prod", "orders-*");
        store.Remove("prod", "refunds-*");

        Assert.Equal([new RetentionPolicy("prod", "payments-*", 3, null, Monday)], store.Load());
    }

    [Theory]
    [InlineData(0, null, "keep_last: 0 is not allowed: give a whole number of at least 1 (the newest live versions kept per subject).")]
    [InlineData(null, 0, "older_than_days: 0 is not allowed: give a whole number of days, at least 1.")]
    [InlineData(null, null, "keep_last, older_than_days: give at least one of them.")]
    public void Save_InvalidPolicy_RefusedNamingTheField(int? keepLast, int? olderThanDays, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => new RetentionPolicyStore(_root).Save(new RetentionPolicy("prod", "orders-*", keepLast, olderThanDays, Monday)));

        Assert.StartsWith(problem, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(new RetentionPolicyStore(_root).FilePath));
    }

    [Theory]
    [InlineData("""{"policies": [{"registry": "prod", "pattern": "orders-*", "keep_last": 0}]}""", "policies[0].keep_last: 0 is not allowed")]
    [InlineData("""{"policies": [{"registry": "prod", "pattern": ":.staging", "keep_last": 2}]}""", "policies[0].pattern: ':.staging' opens a context")]
    [InlineData("""{"policies": [{"pattern": "orders-*", "keep_last": 2}]}""", "policies[0].registry: missing")]
    [InlineData("""{"policies": [{"registry": "prod", "pattern": "orders-*", "keep_last": "two"}]}""", "not valid JSON")]
    public void Load_BadFile_ErrorNamesTheFileAndTheField(string content, string problem)
    {
        var store = new RetentionPolicyStore(_root);
        Directory.CreateDirectory(_root);
        File.WriteAllText(store.FilePath, content);

        var error = Assert.Throws<InvalidDataException>(store.Load);

        Assert.StartsWith($"Retention policies file {store.FilePath}: {problem}", error.Message, StringComparison.Ordinal);
    }
}
