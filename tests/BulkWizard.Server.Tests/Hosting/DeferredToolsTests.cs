using System.Text.Json;
using BulkWizard.Server.Apps;
using BulkWizard.Server.Hosting;
using BulkWizard.Server.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tests.Hosting;

public sealed class DeferredToolsTests
{
    [Fact]
    public void WithDeferredTools_EveryToolType_ListedExactlyAsTheSdkBuildsIt()
    {
        using var sdk = Provider(mcp => mcp
            .WithTools<RegistryTools>(ToolJson.Options).WithTools<WizardTools>(ToolJson.Options).WithTools<PlanTools>(ToolJson.Options)
            .WithTools<TaskTools>(ToolJson.Options).WithTools<BackupTools>(ToolJson.Options).WithTools<NamingTools>(ToolJson.Options)
            .WithTools<SchemaUpdateTools>(ToolJson.Options).WithTools<CleanupTools>(ToolJson.Options).WithTools<MigrationTools>(ToolJson.Options)
            .WithTools<ImpactTools>(ToolJson.Options).WithTools<CompareTools>(ToolJson.Options).WithTools<ConfigurationTools>(ToolJson.Options)
            .WithTools<ComplianceTools>(ToolJson.Options).WithTools<RetentionTools>(ToolJson.Options).WithTools<RecoveryTools>(ToolJson.Options).WithTools<AuditTools>(ToolJson.Options)
            .WithTools<TemplateTools>(ToolJson.Options).WithTools<ExportTools>(ToolJson.Options).WithTools<ReportTools>(ToolJson.Options));
        using var deferred = Provider(mcp => mcp
            .WithDeferredTools<RegistryTools>(ToolJson.Options).WithDeferredTools<WizardTools>(ToolJson.Options).WithDeferredTools<PlanTools>(ToolJson.Options)
            .WithDeferredTools<TaskTools>(ToolJson.Options).WithDeferredTools<BackupTools>(ToolJson.Options).WithDeferredTools<NamingTools>(ToolJson.Options)
            .WithDeferredTools<SchemaUpdateTools>(ToolJson.Options).WithDeferredTools<CleanupTools>(ToolJson.Options).WithDeferredTools<MigrationTools>(ToolJson.Options)
            .WithDeferredTools<ImpactTools>(ToolJson.Options).WithDeferredTools<CompareTools>(ToolJson.Options).WithDeferredTools<ConfigurationTools>(ToolJson.Options)
            .WithDeferredTools<ComplianceTools>(ToolJson.Options).WithDeferredTools<RetentionTools>(ToolJson.Options).WithDeferredTools<RecoveryTools>(ToolJson.Options).WithDeferredTools<AuditTools>(ToolJson.Options)
            .WithDeferredTools<TemplateTools>(ToolJson.Options).WithDeferredTools<ExportTools>(ToolJson.Options).WithDeferredTools<ReportTools>(ToolJson.Options));

        var expected = Listed(sdk);
        var actual = Listed(deferred);

        Assert.All(deferred.GetServices<McpServerTool>(), tool => Assert.IsType<DeferredTool>(tool));
        Assert.Equal(31, expected.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void DeferredTool_NameAsked_NotBuiltUntilItsSchemaOrACallIsNeeded()
    {
        var built = 0;
        var tool = new DeferredTool("say_x", () =>
        {
            built++;
            return McpServerTool.Create(() => "x", new() { Name = "say_x" });
        });

        Assert.Equal("say_x", ((IMcpServerPrimitive)tool).Id);
        Assert.Equal("say_x", tool.ToString());
        Assert.Equal(0, built);

        Assert.Equal("say_x", tool.ProtocolTool.Name);
        tool.Prepare();
        Assert.Equal(1, built);
    }

    [Fact]
    public void DeferredTool_BuiltUnderAnotherName_Refused()
    {
        var tool = new DeferredTool("say_x", () => McpServerTool.Create(() => "x", new() { Name = "say_y" }));

        var error = Assert.Throws<InvalidOperationException>(() => tool.ProtocolTool);

        Assert.Equal("Tool 'say_x' was built as 'say_y'.", error.Message);
    }

    private static ServiceProvider Provider(Action<IMcpServerBuilder> tools)
    {
        var services = new ServiceCollection();
        tools(services.AddMcpServer());
        return services.BuildServiceProvider();
    }

    private static List<string> Listed(IServiceProvider services) =>
        [.. services.GetServices<McpServerTool>().Select(t => JsonSerializer.Serialize(t.ProtocolTool, McpJsonUtilities.DefaultOptions))];
}
