using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Surface;

/// <summary>completion/complete for the prompts' arguments, from the configured registries and their own names.</summary>
public sealed class CompletionTests(PromptServer server) : IClassFixture<PromptServer>
{
    private McpClient Client => server.Client;

    [Theory]
    [InlineData("raise_compatibility", "registry", "", new[] { "lab", "dr" })]
    [InlineData("migrate_context_to_registry", "target", "D", new[] { "dr" })]
    [InlineData("raise_compatibility", "level", "full", new[] { "FULL", "FULL_TRANSITIVE" })]
    [InlineData("raise_compatibility", "level", "B", new[] { "BACKWARD", "BACKWARD_TRANSITIVE" })]
    [InlineData("raise_compatibility", "level", "X", new string[0])]
    [InlineData("apply_naming_convention", "convention", "", new[] { "topic_name", "record_name", "topic_record_name", "kebab_case", "snake_case", "camel_case", "prefix:", "context:" })]
    [InlineData("apply_naming_convention", "convention", "topic", new[] { "topic_name", "topic_record_name" })]
    [InlineData("raise_compatibility", "context", "", new[] { ".", ".prod", ".staging" })]
    [InlineData("raise_compatibility", "context", "stag", new[] { ".staging" })]
    [InlineData("clean_up_test_schemas", "pattern", "test-subject-1", new[] { "test-subject-10", "test-subject-11", "test-subject-12" })]
    [InlineData("clean_up_test_schemas", "pattern", ":.sta", new[] { ":.staging:*" })]
    [InlineData("clean_up_test_schemas", "pattern", "zz", new string[0])]
    public async Task Complete_PromptArgument_ValuesStartingWithWhatWasTyped(string prompt, string argument, string typed, string[] expected)
    {
        var completion = (await Client.CompleteAsync(new PromptReference { Name = prompt }, argument, typed)).Completion;

        Assert.Equal(expected, completion.Values);
        Assert.Equal(expected.Length, completion.Total);
        Assert.False(completion.HasMore);
    }

    [Fact]
    public async Task Complete_Pattern_PrefixesEndingAtASeparatorThenNames()
    {
        var completion = (await Client.CompleteAsync(new PromptReference { Name = "clean_up_test_schemas" }, "pattern", "test-")).Completion;

        Assert.Equal(["test-*", "test-subject-*", .. Enumerable.Range(1, 12).Select(i => $"test-subject-{i:00}")], completion.Values);
        Assert.Equal(14, completion.Total);
    }

    [Fact]
    public async Task Complete_PatternInAContext_TheContextsSubjects()
    {
        var completion = (await Client.CompleteAsync(new PromptReference { Name = "clean_up_test_schemas" }, "pattern", ":.staging:o")).Completion;

        Assert.Equal([":.staging:orders-*", ":.staging:orders-value"], completion.Values);
    }

    [Fact]
    public async Task Complete_MoreThanAHundredMatches_FirstHundredTotalAndHasMore()
    {
        var completion = (await Client.CompleteAsync(new PromptReference { Name = "clean_up_test_schemas" }, "pattern", "load-")).Completion;

        Assert.Equal(100, completion.Values.Count);
        Assert.Equal(PromptServer.LoadSubjects + 1, completion.Total);
        Assert.True(completion.HasMore);
        Assert.Equal(["load-*", "load-0001", "load-0002"], completion.Values.Take(3));
        Assert.All(completion.Values, v => Assert.StartsWith("load-", v, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_ContextOfTheRegistryAlreadyChosen_ThatRegistrysContexts()
    {
        var inDr = await Client.CompleteAsync(new CompleteRequestParams
        {
            Ref = new PromptReference { Name = "raise_compatibility" },
            Argument = new Argument { Name = "context", Value = "" },
            Context = new CompleteContext { Arguments = new Dictionary<string, string> { ["registry"] = "dr" } },
        });
        var inSource = await Client.CompleteAsync(new CompleteRequestParams
        {
            Ref = new PromptReference { Name = "migrate_context_to_registry" },
            Argument = new Argument { Name = "context", Value = ".p" },
            Context = new CompleteContext { Arguments = new Dictionary<string, string> { ["source"] = "lab" } },
        });

        Assert.DoesNotContain(".staging", inDr.Completion.Values);
        Assert.Equal([".prod"], inSource.Completion.Values);
    }

    [Fact]
    public async Task Complete_UnknownRegistryInContext_NothingRatherThanAnError()
    {
        var completion = await Client.CompleteAsync(new CompleteRequestParams
        {
            Ref = new PromptReference { Name = "clean_up_test_schemas" },
            Argument = new Argument { Name = "pattern", Value = "te" },
            Context = new CompleteContext { Arguments = new Dictionary<string, string> { ["registry"] = "nope" } },
        });

        Assert.Empty(completion.Completion.Values);
        Assert.Equal(0, completion.Completion.Total);
    }
}
