using System.Collections;
using BulkWizard.Registry;
using BulkWizard.Server.Apps;
using BulkWizard.Server.Configuration;
using BulkWizard.Server.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace BulkWizard.Server.Hosting;

/// <summary>
/// The process: settings (exit code 2 on a bad one), logging to stderr, the embedded Sandbox when no
/// registry is configured, and the MCP server over stdio.
/// </summary>
public static class ServerProgram
{
    public const int ExitConfigurationError = 2;
    public const string SandboxRegistryName = "sandbox";

    /// <summary>Time for running tasks to finish in-flight items and restore modes when the client goes away.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args, IDictionary environment)
    {
        var builder = ProductSettings.CreateBuilder(args);
        if (await ProductSettings.LoadAsync(builder, environment) is not { } options)
        {
            return ExitConfigurationError;
        }

        await using var logger = SerilogSetup.CreateLogger(options.Logging);
        using var loggerFactory = new SerilogLoggerFactory(logger);
        using var sandboxFailed = new CancellationTokenSource();
        await using var sandbox = EmbeddedSandbox.AddUnlessConfigured(options, builder.Configuration, environment, loggerFactory, sandboxFailed.Cancel);

        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.AddBulkWizard(options);
        builder.Services.AddBulkWizardTelemetry(options.Telemetry, environment);
        builder.Services.AddRegistryGateways(options.Registries, pending: sandbox is null ? [] : [sandbox.Pending]);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        var server = builder.Services
            .AddMcpServer(mcp =>
            {
                mcp.ServerInfo = new() { Name = "bulkwizard", Title = "BulkWizard", Version = ServerVersion.Current };
                mcp.ServerInstructions = ServerInstructions.Text;
            })
            .WithStdioServerTransport()
            .WithDeferredTools<RegistryTools>(ToolJson.Options)
            .WithDeferredTools<WizardTools>(ToolJson.Options)
            .WithDeferredTools<PlanTools>(ToolJson.Options)
            .WithDeferredTools<TaskTools>(ToolJson.Options)
            .WithDeferredTools<BackupTools>(ToolJson.Options)
            .WithDeferredTools<NamingTools>(ToolJson.Options)
            .WithDeferredTools<ImpactTools>(ToolJson.Options)
            .WithDeferredTools<CompareTools>(ToolJson.Options)
            .WithDeferredTools<RecoveryTools>(ToolJson.Options)
            .WithDeferredTools<AuditTools>(ToolJson.Options)
            .WithDeferredTools<ComplianceTools>(ToolJson.Options)
            .WithDeferredTools<RetentionTools>(ToolJson.Options)
            .WithDeferredTools<TemplateTools>(ToolJson.Options)
            .WithResourcesPromptsAndCompletions()
            .WithDeferredTools<ExportTools>(ToolJson.Options)
            .WithDeferredTools<ReportTools>(ToolJson.Options)
            .WithResources<PlanReviewResource>()
            .WithUiExtensionNegotiation()
            .PrepareDeferredToolsAfterFirstAnswer();
        if (sandbox is not null)
        {
            // Not before: answering initialize does not wait for the Sandbox.
            server.WithMessageFilters(filters => filters.AddOutgoingFilter(sandbox.StartAfterAnswer));
        }

        try
        {
            await builder.Build().RunAsync(sandboxFailed.Token);
            return sandbox is { Failed: true } ? 1 : 0;
        }
        catch (Exception e)
        {
            logger.Fatal(e, "The server stopped on an unexpected error");
            return 1;
        }
    }
}
