using System.Collections;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Tasks;
using BulkWizard.Registry;
using BulkWizard.Server.Configuration;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Hosting;
using BulkWizard.Server.Wizard;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;
using Spectre.Console;

namespace BulkWizard.Server.Terminal;

/// <summary>
/// <c>bulkwizard wizard [operation_type]</c>: the wizard in a terminal, for a person without an AI client. The same
/// settings as the server (appsettings, environment variables, command line, <c>--config</c>), so the same registries,
/// data directory, plans and backups; the embedded Sandbox when no registry is configured. The product's services
/// are the server's (<see cref="ProductServices.AddBulkWizard"/>); there is no MCP server.
/// </summary>
public static class TerminalProgram
{
    public const int ExitUsage = 2;
    private const int TranscriptWidth = 200;

    public static async Task<int> RunAsync(TerminalCommand command, IDictionary environment)
    {
        // Keys (selection lists, a live progress bar) when a person is at a terminal: stdin and stdout are not redirected.
        // Spectre's own detection also looks at stderr and at build-server variables; a log file on stderr changes nothing here.
        var atTerminal = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Interactive = atTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (Console.IsOutputRedirected)
        {
            // A transcript (a script's log, a test) keeps each line whole rather than wrapped at 80 columns.
            console.Profile.Width = TranscriptWidth;
        }

        if (command.Help)
        {
            TerminalHelp.Write(console);
            return 0;
        }

        if (command.PlanFile is "")
        {
            await Console.Error.WriteLineAsync("bulkwizard: apply needs the exported plan file: bulkwizard apply PLAN.json (from export_plan).");
            return ExitUsage;
        }

        if (command.OperationType is { } type && !OperationTypes.All.Contains(type, StringComparer.Ordinal))
        {
            await Console.Error.WriteLineAsync($"bulkwizard: operation type '{type}' is not allowed: use one of {string.Join(", ", OperationTypes.All)}.");
            return ExitUsage;
        }

        var builder = ProductSettings.CreateBuilder(command.Settings);
        if (await ProductSettings.LoadAsync(builder, environment) is not { } options)
        {
            return ExitUsage;
        }

        RunSettings run;
        try
        {
            run = TerminalRunSettings.Read(builder.Configuration);
            if (run.Validate() is { } invalid)
            {
                throw new FormatException(invalid);
            }
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync($"bulkwizard: {e.Message}");
            return ExitUsage;
        }

        // The terminal is for the person: informational log lines would run through the prompts (a log file keeps them all).
        if (string.Equals(options.Logging.Level, "Information", StringComparison.OrdinalIgnoreCase))
        {
            options.Logging.Level = "Warning";
        }

        await using var logger = SerilogSetup.CreateLogger(options.Logging);
        using var loggerFactory = new SerilogLoggerFactory(logger);
        await using var sandbox = EmbeddedSandbox.AddUnlessConfigured(options, builder.Configuration, environment, loggerFactory, () => { });

        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: false);
        builder.Services.AddBulkWizard(options);
        builder.Services.AddRegistryGateways(options.Registries, pending: sandbox is null ? [] : [sandbox.Pending]);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ServerProgram.ShutdownTimeout);
        builder.Services.AddSingleton<IHostLifetime, TerminalLifetime>();
        using var host = builder.Build();
        await host.StartAsync();
        using var interrupt = new TerminalInterrupt();
        try
        {
            if (sandbox is not null)
            {
                console.MarkupLine("No registry is configured: the embedded Sandbox is used (demo data, in memory; gone when this ends).");
                await sandbox.WhenStartedAsync(interrupt.Token);
            }

            var questions = new TerminalQuestions(console, atTerminal ? null : Console.In);
            if (command.PlanFile is { } planFile)
            {
                var apply = new TerminalApply(
                    console, questions, host.Services.GetRequiredService<PlanReplay>(), host.Services.GetRequiredService<PlanService>(),
                    host.Services.GetRequiredService<TaskManager>(), host.Services.GetRequiredService<IPlanStore>());
                return await apply.RunAsync(planFile, interrupt.Token);
            }

            var wizard = new TerminalWizard(
                console, questions, host.Services.GetRequiredService<WizardConversation>(), host.Services.GetRequiredService<TaskManager>(),
                host.Services.GetRequiredService<IPlanStore>());
            return await wizard.RunAsync(new WizardStart
            {
                OperationType = command.OperationType,
                Selection = new SelectionArguments(Registry: builder.Configuration["registry"]),
                Run = run,
                WaitSeconds = 0,
            }, interrupt.Token);
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]cancelled[/]: nothing was changed.");
            return TerminalWizard.ExitNotCompleted;
        }
        catch (Exception e)
        {
            // As the server does: logged whole, and said in one line; the journal of a started run says what it did.
            logger.Fatal(e, "The terminal wizard stopped on an unexpected error");
            await Console.Error.WriteLineAsync($"bulkwizard: unexpected error: {e.Message}");
            return TerminalWizard.ExitNotCompleted;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
