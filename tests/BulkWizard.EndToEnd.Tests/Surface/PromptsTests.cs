using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Surface;

/// <summary>
/// The prompts for the common jobs: listed with their arguments, and each one's message names a start_bulk_wizard call
/// that, made exactly as written, starts the right wizard on the right subjects.
/// </summary>
public sealed class PromptsTests(PromptServer server) : IClassFixture<PromptServer>
{
    private const string Marker = "with exactly these arguments:";

    private McpClient Client => server.Client;

    [Fact]
    public async Task ListPrompts_FourJobsWithTheirArgumentsAndWhichAreRequired()
    {
        var prompts = (await Client.ListPromptsAsync()).ToDictionary(p => p.Name);

        Assert.Equal(
            ["apply_naming_convention", "clean_up_test_schemas", "migrate_context_to_registry", "raise_compatibility"],
            prompts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["pattern:False", "registry:False"], Arguments(prompts["clean_up_test_schemas"]));
        Assert.Equal(["context:True", "level:True", "registry:False"], Arguments(prompts["raise_compatibility"]));
        Assert.Equal(["context:True", "source:True", "target:True"], Arguments(prompts["migrate_context_to_registry"]));
        Assert.Equal(["convention:True", "pattern:True", "registry:False"], Arguments(prompts["apply_naming_convention"]));
        Assert.All(prompts.Values, p => Assert.False(string.IsNullOrWhiteSpace(p.Description), p.Name));
        Assert.All(prompts.Values.SelectMany(p => p.ProtocolPrompt.Arguments!), a => Assert.False(string.IsNullOrWhiteSpace(a.Description), a.Name));
    }

    [Fact]
    public async Task GetPrompt_CleanUpTestSchemas_CallPlansTheSoftDeleteOfThoseTestSubjects()
    {
        var call = await CallInPromptAsync("clean_up_test_schemas", new() { ["registry"] = "LAB", ["pattern"] = "test-subject-0*" });

        Assert.Equal("""{"operation_type":"cleanup","registry":"lab","pattern":"test-subject-0*","answers":{"cleanup_type":"test"}}""", call.ToJsonString());
        var started = await StartAsync(call, ("unknown_impact", "proceed"));
        var reply = await AnswerWithDefaultsAsync(started, "cleanup_options");
        Assert.True(reply.Str("status") == "planned", reply.ToJsonString());
        Assert.Equal(9, reply["plan"]!.Number("changes") + reply["plan"]!.Number("skipped"));
        Assert.StartsWith("Soft-delete test schemas", reply["plan"]!.Str("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPrompt_RaiseCompatibility_CallPlansTheLevelOnEverySubjectOfTheContext()
    {
        var call = await CallInPromptAsync("raise_compatibility", new() { ["context"] = "staging", ["level"] = "full_transitive" });

        Assert.Equal("""{"operation_type":"schema_update","pattern":":.staging:*","answers":{"update_type":"compatibility","compatibility":"FULL_TRANSITIVE"}}""", call.ToJsonString());
        var reply = await StartAsync(call);
        var staging = (await Client.CallAsync("get_registry_inventory", new() { ["pattern"] = ":.staging:*" })).Number("subjects");
        Assert.True(reply.Str("status") == "planned", reply.ToJsonString());
        Assert.Equal(staging, reply["plan"]!.Number("changes") + reply["plan"]!.Number("skipped"));
        Assert.Contains("FULL_TRANSITIVE", reply["plan"]!.Str("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPrompt_MigrateContext_CallPlansTheCopyToTheTargetRegistry()
    {
        var call = await CallInPromptAsync("migrate_context_to_registry", new() { ["source"] = "lab", ["target"] = "dr", ["context"] = ".staging" });

        Assert.Equal(
            """{"operation_type":"migration","registry":"lab","pattern":"*","answers":{"migration_type":"registry","target_registry":"dr","source_context":".staging","target_context":".staging"}}""",
            call.ToJsonString());
        var reply = await AnswerWithDefaultsAsync(await StartAsync(call), "migration_options");
        Assert.True(reply.Str("status") == "planned", reply.ToJsonString());
        Assert.Contains("dr", reply["plan"]!.Str("title"), StringComparison.Ordinal);
        Assert.Equal(await StagingSubjectsAsync(), await CopiedSubjectsAsync(reply));
    }

    [Fact]
    public async Task StartWizard_ContextMigrationWithSourceContext_PlansThatContextsSubjectsOnly()
    {
        var reply = await Client.CallAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "migration", ["pattern"] = "*",
            ["answers"] = new JsonObject
            {
                ["migration_type"] = "context", ["source_context"] = ".staging", ["target_context"] = ".copy",
                ["preserve_ids"] = true, ["all_versions"] = true, ["copy_settings"] = true, ["source_after"] = "keep",
            }.AsElement(),
        });

        Assert.True(reply.Str("status") == "planned", reply.ToJsonString());
        Assert.Equal(await StagingSubjectsAsync(), await CopiedSubjectsAsync(reply));
    }

    [Fact]
    public async Task StartWizard_PatternNamingAnotherContextThanSourceContext_RefusedNamingThePattern()
    {
        var error = await Client.CallExpectingErrorAsync("start_bulk_wizard", new()
        {
            ["operation_type"] = "migration", ["pattern"] = ":.prod:*",
            ["answers"] = new JsonObject
            {
                ["migration_type"] = "context", ["source_context"] = ".staging", ["target_context"] = ".copy",
                ["preserve_ids"] = true, ["all_versions"] = true, ["copy_settings"] = true, ["source_after"] = "keep",
            }.AsElement(),
        });

        Assert.EndsWith("pattern: ':.prod:*' names another context than source_context '.staging'; a migration moves one context.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPrompt_ApplyNamingConvention_ConventionWrittenAsTheToolTakesIt()
    {
        var call = await CallInPromptAsync("apply_naming_convention", new() { ["pattern"] = "*", ["convention"] = "Kebab-Case" });

        Assert.Equal("""{"operation_type":"schema_update","pattern":"*","answers":{"update_type":"naming","convention":"kebab_case"}}""", call.ToJsonString());
        var reply = await StartAsync(call);
        Assert.True(reply.Str("status") == "planned", reply.ToJsonString());
    }

    [Theory]
    [InlineData("raise_compatibility", "{\"context\":\".staging\"}", "level: missing; prompt 'raise_compatibility' requires it")]
    [InlineData("raise_compatibility", "{\"context\":\".staging\",\"level\":\" \"}", "level: missing; prompt 'raise_compatibility' requires it")]
    [InlineData("migrate_context_to_registry", "{\"source\":\"lab\",\"context\":\".\"}", "target: missing; prompt 'migrate_context_to_registry' requires it")]
    [InlineData("raise_compatibility", "{\"context\":\".staging\",\"level\":\"SOMETIMES\"}", "level: 'SOMETIMES' is not a compatibility level; use one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE.")]
    [InlineData("raise_compatibility", "{\"context\":\":.staging:*\",\"level\":\"FULL\"}", "context: ':.staging:*' is not a context name; use '.' or a name such as .staging.")]
    [InlineData("migrate_context_to_registry", "{\"source\":\"lab\",\"target\":\"nope\",\"context\":\".\"}", "target: no registry 'nope'; configured: lab, dr.")]
    [InlineData("migrate_context_to_registry", "{\"source\":\"lab\",\"target\":\"Lab\",\"context\":\".\"}", "target: 'Lab' is the source registry; name another configured registry.")]
    [InlineData("apply_naming_convention", "{\"pattern\":\"*\",\"convention\":\"shouting\"}", "convention: 'shouting' is not a naming convention.")]
    public async Task GetPrompt_MissingOrBadArgument_InvalidParamsNamingIt(string prompt, string arguments, string expected)
    {
        var given = JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!;

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => Client.GetPromptAsync(prompt, given).AsTask());

        Assert.Equal(McpErrorCode.InvalidParams, error.ErrorCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The subjects of context .staging of the default registry, as the registry lists them.</summary>
    private async Task<List<string>> StagingSubjectsAsync()
    {
        var registry = await RegistrySnapshot.TakeAsync(server.Harness.Sandbox.BaseAddress);
        return [.. registry.State.Select(p => p.Key).Where(k => k.StartsWith(":.staging:", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The source subject of each copy the plan makes (its changes read "source → target: import …").</summary>
    private async Task<List<string>> CopiedSubjectsAsync(JsonObject reply)
    {
        var page = await Client.CallAsync("get_bulk_plan", new() { ["plan_id"] = reply["plan"]!.Str("plan_id") });
        return [.. page["changes"]!.AsArray().Select(c => c!.Str("change")).Where(c => c.Contains(" → ", StringComparison.Ordinal))
            .Select(c => c[..c.IndexOf(" → ", StringComparison.Ordinal)]).Order(StringComparer.Ordinal)];
    }

    private static string[] Arguments(McpClientPrompt prompt) =>
        [.. prompt.ProtocolPrompt.Arguments!.Select(a => $"{a.Name}:{a.Required == true}").Order(StringComparer.Ordinal)];

    /// <summary>The start_bulk_wizard arguments the prompt's one message gives, as written.</summary>
    private async Task<JsonObject> CallInPromptAsync(string prompt, Dictionary<string, object?> arguments)
    {
        var result = await Client.GetPromptAsync(prompt, arguments);
        var message = Assert.Single(result.Messages);
        Assert.Equal(Role.User, message.Role);
        var text = Assert.IsType<TextContentBlock>(message.Content).Text;
        Assert.Contains("Call the tool start_bulk_wizard " + Marker, text, StringComparison.Ordinal);
        var json = text[(text.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].TrimStart().Split('\n')[0];
        return JsonNode.Parse(json)!.AsObject();
    }

    /// <summary>The wizard asks <paramref name="step"/> (what the job leaves open); the person takes the defaults it shows.</summary>
    private async Task<JsonObject> AnswerWithDefaultsAsync(JsonObject reply, string step)
    {
        Assert.True(reply.Str("status") == "needs_input" && reply["question"]!.Str("step") == step, reply.ToJsonString());
        var defaults = new JsonObject();
        foreach (var field in reply["question"]!["fields"]!.AsArray())
        {
            defaults[field!.Str("name")] = field!["default"]?.DeepClone();
        }

        return await Client.CallAsync("bulk_wizard_answer", new() { ["session_id"] = reply.Str("session_id"), ["answers"] = defaults.AsElement() });
    }

    /// <summary>Calls start_bulk_wizard exactly as the prompt says, with the answers a person would add.</summary>
    private Task<JsonObject> StartAsync(JsonObject call, params (string Name, string Value)[] more)
    {
        var arguments = call.ToDictionary(p => p.Key, p => (object?)p.Value!.AsElement());
        if (more.Length > 0)
        {
            var answers = call["answers"]!.DeepClone().AsObject();
            foreach (var (name, value) in more)
            {
                answers[name] = value;
            }

            arguments["answers"] = answers.AsElement();
        }

        return Client.CallAsync("start_bulk_wizard", arguments);
    }
}
