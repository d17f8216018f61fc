using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol.Client;

namespace BulkWizard.EndToEnd.Tests.Surface;

/// <summary>Operation templates: a plan's answers saved by name, listed, and started again like any wizard.</summary>
public sealed class TemplatesTests(SharedServer server) : IClassFixture<SharedServer>
{
    private const string NameRule = "use 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit (e.g. nightly-test-cleanup).";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private McpClient Client => server.Client;

    private string TemplatesFolder => Path.Combine(server.Harness.DataDirectory, "templates");

    [Fact]
    public async Task SaveTemplate_ThenStartFromIt_SamePlanWithoutAQuestionAndNothingRunsUntilConfirmed()
    {
        var original = await PlanAsync("test-subject-0*", "FULL");

        var saved = await Client.CallAsync("save_template", new() { ["plan_id"] = original.Str("plan_id"), ["name"] = "full-on-first-tests", ["description"] = "FULL on the first test subjects" });
        var before = await server.Harness.SnapshotAsync();
        var started = await Client.CallAsync("start_bulk_wizard", new() { ["template"] = "full-on-first-tests" });

        Assert.Equal(
            ("full-on-first-tests", "FULL on the first test subjects", "schema_update", "lab", original.Str("plan_id"), false),
            (saved.Str("name"), saved.Str("description"), saved.Str("operation_type"), saved.Str("registry"), saved.Str("source_plan_id"), saved["built_in"]!.GetValue<bool>()));
        Assert.Equal("FULL", saved["answers"]!.Str("compatibility"));
        Assert.Equal("bulkwizard://templates/full-on-first-tests", saved.Str("resource_uri"));
        Assert.True(File.Exists(Path.Combine(TemplatesFolder, "full-on-first-tests.json")));
        Assert.True(started.Str("status") == "planned", started.ToJsonString());
        var plan = started["plan"]!;
        Assert.NotEqual(original.Str("plan_id"), plan.Str("plan_id"));
        Assert.Equal((original.Str("title"), original.Number("changes"), original.Number("skipped")), (plan.Str("title"), plan.Number("changes"), plan.Number("skipped")));
        Assert.Empty((await server.Harness.SnapshotAsync()).DifferencesFrom(before));

        var dryRun = await Client.CallAsync("confirm_bulk_operation", new() { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") });
        var finished = await Client.WaitFinishedAsync(dryRun["task"]!.Str("task_id"), Deadline);
        Assert.Equal(original.Number("changes"), finished["result"]!.Number("would_apply"));
        Assert.Empty((await server.Harness.SnapshotAsync()).DifferencesFrom(before));
    }

    [Fact]
    public async Task StartFromTemplate_ArgumentsGiven_WinOverTheSavedAnswers()
    {
        var original = await PlanAsync("test-subject-0*", "FULL");
        await Client.CallAsync("save_template", new() { ["plan_id"] = original.Str("plan_id"), ["name"] = "full-then-overridden" });
        var direct = await PlanAsync("test-subject-1*", "NONE");

        var started = await Client.CallAsync("start_bulk_wizard", new() { ["template"] = "full-then-overridden", ["pattern"] = "test-subject-1*", ["compatibility"] = "NONE" });

        Assert.True(started.Str("status") == "planned", started.ToJsonString());
        Assert.Equal((direct.Str("title"), direct.Number("changes")), (started["plan"]!.Str("title"), started["plan"]!.Number("changes")));
    }

    [Fact]
    public async Task BuiltInTemplate_WithTheArgumentsItLeavesOpen_PlansTheJob_WithoutThem_AsksThem()
    {
        var direct = await PlanAsync(":.staging:*", "FULL");

        var complete = await Client.CallAsync("start_bulk_wizard", new() { ["template"] = "raise-compatibility", ["pattern"] = ":.staging:*", ["compatibility"] = "FULL" });
        var open = await Client.CallAsync("start_bulk_wizard", new() { ["template"] = "raise-compatibility", ["pattern"] = ":.staging:*" });

        Assert.True(complete.Str("status") == "planned", complete.ToJsonString());
        Assert.Equal((direct.Str("title"), direct.Number("changes")), (complete["plan"]!.Str("title"), complete["plan"]!.Number("changes")));
        Assert.Equal("needs_input", open.Str("status"));
        Assert.Equal(["compatibility"], open["question"]!["fields"]!.AsArray().Select(f => f!.Str("name")));
    }

    [Fact]
    public async Task ListTemplates_BuiltInOnesThenSavedOnesNewestFirst()
    {
        var plan = await PlanAsync("test-subject-0*", "FULL");
        await Client.CallAsync("save_template", new() { ["plan_id"] = plan.Str("plan_id"), ["name"] = "listed-first" });
        await Client.CallAsync("save_template", new() { ["plan_id"] = plan.Str("plan_id"), ["name"] = "listed-second" });

        var names = (await Client.CallAsync("list_templates"))["templates"]!.AsArray().Select(t => t!.Str("name")).ToList();

        Assert.Equal(["clean-up-test-schemas", "raise-compatibility", "migrate-context-to-registry", "apply-naming-convention"], names.Take(4));
        Assert.InRange(names.IndexOf("listed-second"), 4, names.IndexOf("listed-first") - 1);
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("Nightly")]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("x/y")]
    [InlineData("-leading-dash")]
    [InlineData("a12345678901234567890123456789012345678901234567890123456789012345")]
    public async Task SaveTemplate_NameNotAllowed_RefusedNamingTheRuleAndNothingWritten(string name)
    {
        var plan = await PlanAsync("test-subject-0*", "FULL");

        var error = await Client.CallExpectingErrorAsync("save_template", new() { ["plan_id"] = plan.Str("plan_id"), ["name"] = name });

        Assert.Equal(Refusal("save_template", $"name: '{name}' is not allowed; {NameRule}"), error);
        Assert.False(File.Exists(Path.Combine(server.Harness.DataDirectory, "evil.json")));
        Assert.False(Directory.Exists(TemplatesFolder) && Directory.EnumerateFiles(TemplatesFolder).Any(f => f.Contains("evil", StringComparison.Ordinal) || f.Contains("Nightly", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SaveTemplate_TakenOrBuiltInName_RefusedUnlessReplacingASavedOne()
    {
        var plan = await PlanAsync("test-subject-0*", "FULL");
        await Client.CallAsync("save_template", new() { ["plan_id"] = plan.Str("plan_id"), ["name"] = "taken" });

        var taken = await Client.CallExpectingErrorAsync("save_template", new() { ["plan_id"] = plan.Str("plan_id"), ["name"] = "taken" });
        var builtIn = await Client.CallExpectingErrorAsync("save_template", new() { ["plan_id"] = plan.Str("plan_id"), ["name"] = "clean-up-test-schemas", ["replace"] = true });
        var replaced = await Client.CallAsync("save_template", new() { ["plan_id"] = plan.Str("plan_id"), ["name"] = "taken", ["description"] = "second", ["replace"] = true });

        Assert.Equal(Refusal("save_template", "name: a template 'taken' exists already; pass replace: true to replace it, or choose another name."), taken);
        Assert.Equal(Refusal("save_template", "name: 'clean-up-test-schemas' is a built-in template; choose another name."), builtIn);
        Assert.Equal("second", replaced.Str("description"));
    }

    [Fact]
    public async Task SaveTemplate_UnknownPlanOrARestorePlan_Refused()
    {
        var unknown = await Client.CallExpectingErrorAsync("save_template", new() { ["plan_id"] = "plan_0000000000000000", ["name"] = "from-nothing" });
        var plan = await PlanAsync("test-subject-12", "FULL_TRANSITIVE");
        var confirm = new Dictionary<string, object?> { ["plan_id"] = plan.Str("plan_id"), ["plan_hash"] = plan.Str("plan_hash") };
        await Client.WaitFinishedAsync((await Client.CallAsync("confirm_bulk_operation", confirm))["task"]!.Str("task_id"), Deadline);
        var run = await Client.WaitFinishedAsync((await Client.CallAsync("confirm_bulk_operation", new(confirm) { ["dry_run"] = false, ["confirmation"] = "accept" }))["task"]!.Str("task_id"), Deadline);
        var restore = (await Client.CallAsync("restore_backup", new() { ["backup_id"] = run["result"]!.Str("backup_id") }))["plan"]!;

        var refused = await Client.CallExpectingErrorAsync("save_template", new() { ["plan_id"] = restore.Str("plan_id"), ["name"] = "from-a-restore" });

        Assert.StartsWith(Refusal("save_template", "plan_id: no plan 'plan_0000000000000000'"), unknown, StringComparison.Ordinal);
        Assert.Equal(Refusal("save_template", $"plan_id: plan {restore.Str("plan_id")} is a restore_backup plan; templates keep the answers of schema_update, migration, cleanup, configuration plans."), refused);
        Assert.False(File.Exists(Path.Combine(TemplatesFolder, "from-a-restore.json")));
    }

    [Theory]
    [InlineData("{\"template\":\"nope\"}", "template: no template 'nope'; list_templates shows them.")]
    [InlineData("{\"template\":\"../x\"}", "template: '../x' is not allowed; " + NameRule)]
    [InlineData("{\"template\":\"raise-compatibility\",\"operation_type\":\"cleanup\"}", "operation_type: 'cleanup' does not match template 'raise-compatibility', a schema_update template; leave operation_type out or choose another template.")]
    public async Task StartBulkWizard_UnknownBadOrMismatchedTemplate_RefusedNamingTheArgument(string arguments, string expected)
    {
        var given = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments)!;

        Assert.Equal(Refusal("start_bulk_wizard", expected), await Client.CallExpectingErrorAsync("start_bulk_wizard", given));
    }

    /// <summary>The text a client shows for a tool's refusal: the SDK's prefix, then our message.</summary>
    private static string Refusal(string tool, string message) => $"An error occurred invoking '{tool}': {message}";

    private async Task<JsonObject> PlanAsync(string pattern, string level) =>
        (await Client.CallAsync("bulk_schema_update", new() { ["pattern"] = pattern, ["compatibility"] = level }))["plan"]!.AsObject();
}
