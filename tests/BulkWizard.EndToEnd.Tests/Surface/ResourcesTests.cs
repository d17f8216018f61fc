using System.Text.Json.Nodes;
using BulkWizard.EndToEnd.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Surface;

/// <summary>Plans, tasks, backups and templates as MCP resources, through a real client over stdio.</summary>
public sealed class ResourcesTests(RunHistoryServer server) : IClassFixture<RunHistoryServer>
{
    private McpClient Client => server.Client;

    private string PlanId => server.RunPlan.Str("plan_id");

    [Fact]
    public async Task ListResourceTemplates_OneJsonTemplatePerKind()
    {
        var templates = await Client.ListResourceTemplatesAsync();

        Assert.Equal(
            ["bulkwizard://backups/{backup_id}", "bulkwizard://plans/{plan_id}", "bulkwizard://tasks/{task_id}", "bulkwizard://templates/{name}"],
            templates.Select(t => t.UriTemplate).Order(StringComparer.Ordinal));
        Assert.All(templates, t => Assert.Equal("application/json", t.MimeType));
        Assert.All(templates, t => Assert.False(string.IsNullOrWhiteSpace(t.Description), t.UriTemplate));
    }

    [Fact]
    public async Task ListResources_AfterARun_PlansTasksBackupAndTemplatesNewestFirst()
    {
        var resources = (await Client.ListResourcesAsync()).ToList();
        var uris = resources.Select(r => r.Uri).ToList();

        var later = uris.IndexOf($"bulkwizard://plans/{server.LaterPlan.Str("plan_id")}");
        var earlier = uris.IndexOf($"bulkwizard://plans/{PlanId}");
        Assert.InRange(later, 0, earlier - 1);
        Assert.Equal(server.RunPlan.Str("title"), resources[earlier].Title);
        Assert.Contains($"bulkwizard://tasks/{server.RunTask.Str("task_id")}", uris);
        Assert.Contains($"bulkwizard://backups/{server.BackupId}", uris);
        Assert.Equal(2, uris.Count(u => u.StartsWith("bulkwizard://plans/", StringComparison.Ordinal)));
        Assert.Equal(2, uris.Count(u => u.StartsWith("bulkwizard://tasks/", StringComparison.Ordinal)));
        Assert.Equal(
            ["bulkwizard://templates/apply-naming-convention", "bulkwizard://templates/clean-up-test-schemas", "bulkwizard://templates/migrate-context-to-registry", "bulkwizard://templates/raise-compatibility"],
            uris.Where(u => u.StartsWith("bulkwizard://templates/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(resources.Where(r => r.Uri.StartsWith("bulkwizard://", StringComparison.Ordinal)), r => Assert.Equal("application/json", r.MimeType));
        Assert.Equal("text/html;profile=mcp-app", Assert.Single(resources, r => r.Uri == "ui://bulkwizard/plan").MimeType);
    }

    [Fact]
    public async Task ReadPlan_TheWholePlanAsStored_EveryChangeNotAPage()
    {
        var result = await Client.ReadResourceAsync($"bulkwizard://plans/{PlanId}");

        var contents = Assert.IsType<TextResourceContents>(Assert.Single(result.Contents));
        Assert.Equal(("application/json", $"bulkwizard://plans/{PlanId}"), (contents.MimeType, contents.Uri));
        var plan = JsonNode.Parse(contents.Text)!;
        var stored = JsonNode.Parse(await File.ReadAllTextAsync(server.RunPlan.Str("exported_to")))!;
        Assert.True(JsonNode.DeepEquals(stored, plan), "the resource differs from the stored plan");
        Assert.Equal(server.RunPlan.Number("changes"), plan["changes"]!.AsArray().Count);
        Assert.Equal(server.RunPlan.Str("plan_hash"), plan.Str("hash"));
    }

    [Fact]
    public async Task ReadTask_StatusAndEveryItemOfTheResult()
    {
        var taskId = server.RunTask.Str("task_id");

        var task = JsonNode.Parse(((TextResourceContents)(await Client.ReadResourceAsync($"bulkwizard://tasks/{taskId}")).Contents[0]).Text)!;

        Assert.Equal((taskId, "completed", PlanId), (task.Str("task_id"), task.Str("status"), task.Str("plan_id")));
        Assert.Equal(server.RunPlan.Number("changes"), task["result"]!.Number("applied"));
        Assert.Equal(server.RunPlan.Number("changes"), task["result"]!["items"]!.AsArray().Count);
        Assert.Equal($"bulkwizard://backups/{server.BackupId}", task["result"]!.Str("backup_uri"));
    }

    [Fact]
    public async Task ReadBackup_EverySubjectWithItsConfigAndSchemaText()
    {
        var result = await Client.ReadResourceAsync($"bulkwizard://backups/{server.BackupId}");

        var backup = JsonNode.Parse(((TextResourceContents)result.Contents[0]).Text)!;
        Assert.Equal((server.BackupId, PlanId, "lab"), (backup.Str("id"), backup.Str("plan_id"), backup.Str("registry")));
        var subjects = backup["subjects"]!.AsArray();
        Assert.Equal(server.RunPlan.Number("changes"), subjects.Count);
        Assert.All(subjects, s => Assert.StartsWith("test-", s!.Str("subject"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadTemplate_BuiltInTemplateWithItsPrefilledArguments()
    {
        var result = await Client.ReadResourceAsync("bulkwizard://templates/clean-up-test-schemas");

        var template = JsonNode.Parse(((TextResourceContents)result.Contents[0]).Text)!;
        Assert.Equal(("clean-up-test-schemas", "cleanup", true), (template.Str("name"), template.Str("operation_type"), template["built_in"]!.GetValue<bool>()));
        Assert.Equal("test", template["arguments"]!.Str("cleanup_type"));
    }

    [Fact]
    public async Task ToolResults_LinkThePlanTaskAndBackupResources()
    {
        var page = await Client.CallAsync("get_bulk_plan", new() { ["plan_id"] = PlanId });
        var backup = await Client.CallAsync("get_backup", new() { ["backup_id"] = server.BackupId });

        Assert.Equal($"bulkwizard://plans/{PlanId}", server.RunPlan.Str("resource_uri"));
        Assert.Equal($"bulkwizard://plans/{PlanId}", page.Str("resource_uri"));
        Assert.Equal($"bulkwizard://tasks/{server.RunTask.Str("task_id")}", server.RunTask.Str("resource_uri"));
        Assert.Equal($"bulkwizard://backups/{server.BackupId}", backup.Str("resource_uri"));
        var linked = await Client.ReadResourceAsync(page.Str("resource_uri"));
        Assert.Equal(PlanId, JsonNode.Parse(((TextResourceContents)linked.Contents[0]).Text)!.Str("id"));
    }

    [Theory]
    [InlineData("bulkwizard://plans/plan_0123456789abcdef", "no plan 'plan_0123456789abcdef'")]
    [InlineData("bulkwizard://plans/plan_xyz", "plan_id 'plan_xyz' is not a plan id (plan_ followed by 16 hex digits)")]
    [InlineData("bulkwizard://backups/bk_20260101T000000Z_00000000", "bk_20260101T000000Z_00000000")]
    [InlineData("bulkwizard://backups/nonsense", "nonsense")]
    [InlineData("bulkwizard://tasks/task_0000000000000000", "no task 'task_0000000000000000'")]
    [InlineData("bulkwizard://templates/nightly", "no template 'nightly'")]
    [InlineData("bulkwizard://templates/..%2F..%2Fetc", "name: '../../etc' is not allowed")]
    public async Task ReadResource_UnknownOrMalformedId_ResourceNotFoundNamingTheId(string uri, string reason)
    {
        var pinned = await Assert.ThrowsAsync<McpProtocolException>(() => server.Pinned.ReadResourceAsync(uri).AsTask());
        var current = await Assert.ThrowsAsync<McpProtocolException>(() => Client.ReadResourceAsync(uri).AsTask());

        // 2026-07-28 replaced -32002 with Invalid params; the client falls back to an older revision when it must.
        var currentCode = string.CompareOrdinal(Client.NegotiatedProtocolVersion, "2026-07-28") >= 0 ? McpErrorCode.InvalidParams : McpErrorCode.ResourceNotFound;
        Assert.Equal(ProtocolRevisions.Pinned, server.Pinned.NegotiatedProtocolVersion);
        Assert.Equal(McpErrorCode.ResourceNotFound, pinned.ErrorCode);
        Assert.Equal(currentCode, current.ErrorCode);
        Assert.Contains(reason, pinned.Message, StringComparison.Ordinal);
        Assert.Contains("Resource not found: ", pinned.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadResource_UriOfNoTemplate_ResourceNotFound()
    {
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => server.Pinned.ReadResourceAsync("bulkwizard://plans/a/b").AsTask());

        Assert.Equal(McpErrorCode.ResourceNotFound, error.ErrorCode);
        Assert.Contains("bulkwizard://plans/a/b", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bulkwizard://plans/{plan_id}", "plan_id")]
    [InlineData("bulkwizard://tasks/{task_id}", "task_id")]
    [InlineData("bulkwizard://backups/{backup_id}", "backup_id")]
    public async Task Complete_IdVariables_IdsOfThisDataDirectoryFilteredByPrefix(string template, string variable)
    {
        var all = (await Client.CompleteAsync(new ResourceTemplateReference { Uri = template }, variable, "")).Completion;
        var none = (await Client.CompleteAsync(new ResourceTemplateReference { Uri = template }, variable, "zz")).Completion;

        var expected = variable switch
        {
            "plan_id" => [server.LaterPlan.Str("plan_id"), PlanId],
            "task_id" => [server.RunTask.Str("task_id"), server.DryRunTask.Str("task_id")],
            _ => new[] { server.BackupId },
        };
        Assert.Equal(expected.Length, all.Total);
        Assert.False(all.HasMore);
        Assert.Equal(expected, all.Values);

        Assert.Empty(none.Values);
        Assert.Equal(0, none.Total);
        var prefix = expected[0][..(expected[0].Length - 3)];
        Assert.Equal([expected[0]], (await Client.CompleteAsync(new ResourceTemplateReference { Uri = template }, variable, prefix)).Completion.Values);
    }

    [Fact]
    public async Task PinnedRevision_ResourcesPromptsAndCompletionsAnswerAsOnTheDefaultOne()
    {
        var pinned = server.Pinned;

        var read = await pinned.ReadResourceAsync($"bulkwizard://plans/{PlanId}");
        var prompts = await pinned.ListPromptsAsync();
        var prompt = await pinned.GetPromptAsync("raise_compatibility", new Dictionary<string, object?> { ["context"] = ".", ["level"] = "FULL" });
        var levels = await pinned.CompleteAsync(new PromptReference { Name = "raise_compatibility" }, "level", "forward");

        Assert.Equal(PlanId, JsonNode.Parse(((TextResourceContents)read.Contents[0]).Text)!.Str("id"));
        Assert.Equal(4, prompts.Count);
        Assert.Contains("{\"operation_type\":\"schema_update\",\"pattern\":\"*\",\"answers\":{\"update_type\":\"compatibility\",\"compatibility\":\"FULL\"}}", ((TextContentBlock)prompt.Messages[0].Content).Text, StringComparison.Ordinal);
        Assert.Equal(["FORWARD", "FORWARD_TRANSITIVE"], levels.Completion.Values);
    }

    [Fact]
    public async Task Complete_TemplateNames_FilteredByPrefix()
    {
        var completion = (await Client.CompleteAsync(new ResourceTemplateReference { Uri = "bulkwizard://templates/{name}" }, "name", "cl")).Completion;

        Assert.Equal(["clean-up-test-schemas"], completion.Values);
        Assert.Equal(1, completion.Total);
    }
}
