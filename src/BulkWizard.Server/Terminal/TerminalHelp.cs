using BulkWizard.Core.Operations;
using Spectre.Console;

namespace BulkWizard.Server.Terminal;

/// <summary>The usage text of <c>bulkwizard --help</c>.</summary>
internal static class TerminalHelp
{
    public static void Write(IAnsiConsole console)
    {
        console.MarkupLine("[bold]BulkWizard[/]: bulk operations on a Schema Registry.");
        console.WriteLine();
        console.MarkupLine("Usage:");
        console.MarkupLine("  bulkwizard                          the MCP server over stdio (what an AI client starts)");
        console.MarkupLine("  bulkwizard wizard [[OPERATION_TYPE]]  the wizard in this terminal");
        console.MarkupLine("  bulkwizard apply PLAN.json          an exported plan (export_plan), planned again and run only if unchanged");
        console.MarkupLine("  bulkwizard --help                   this text");
        console.WriteLine();
        console.MarkupLine($"Operation types: {Markup.Escape(string.Join(", ", OperationTypes.All))}; without one, the wizard asks.");
        console.WriteLine();
        console.MarkupLine("Settings are the server's: appsettings.json, environment variables (SCHEMA_REGISTRY_URL, BulkWizard__…) and:");
        console.MarkupLine("  --config FILE                       an extra settings file");
        console.MarkupLine("  --registry NAME                     the configured registry to act on (default: the default registry)");
        console.MarkupLine("  --BulkWizard:Section:Key=value      any setting");
        console.MarkupLine("How the plan runs, as the planning tools take it (defaults in brackets):");
        console.MarkupLine("  --batch_size N [[50]]  --delay_between_batches SECONDS [[0]]  --max_parallel N [[4]]");
        console.MarkupLine("  --canary true|false [[true]]  --create_backup true|false [[true]]  --rollback_on_error true|false [[true]]");
        console.MarkupLine("With no registry configured, the embedded Sandbox (demo data, in memory) is used.");
        console.WriteLine();
        console.MarkupLine("Type [bold]cancel[/] at any prompt, or press Ctrl+C, to stop: nothing changes before the last confirmation,");
        console.MarkupLine("and Ctrl+C during a run stops it safely (items in flight finish, then the plan's rollback rules apply).");
        console.WriteLine();
        console.MarkupLine("Exit codes: 0 the run completed; 1 nothing ran (cancelled, refused) or the run did not complete; 2 bad command line or settings.");
    }
}
