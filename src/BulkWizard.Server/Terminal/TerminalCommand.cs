namespace BulkWizard.Server.Terminal;

/// <summary>
/// What the command line asks of the terminal front end: help, or <c>wizard [operation_type]</c> followed by the same
/// settings the server takes (<c>--config file.json</c>, <c>--BulkWizard:DataDirectory=…</c>, <c>--registry name</c>).
/// Anything else (no arguments: what MCP clients start) is the MCP server.
/// </summary>
public sealed record TerminalCommand(bool Help, string? OperationType, string[] Settings)
{
    public const string Wizard = "wizard";

    /// <summary>The terminal command these arguments ask for, or null when they ask for the MCP server.</summary>
    public static TerminalCommand? Parse(string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }

        if (IsHelp(args[0]))
        {
            return new TerminalCommand(Help: true, null, []);
        }

        if (args[0] != Wizard)
        {
            return null;
        }

        var rest = args[1..];
        if (rest.Any(IsHelp))
        {
            return new TerminalCommand(Help: true, null, []);
        }

        // The operation type is the first word after "wizard"; settings start with a dash.
        var type = rest.Length > 0 && !rest[0].StartsWith('-') ? rest[0] : null;
        return new TerminalCommand(Help: false, type, type is null ? rest : rest[1..]);
    }

    private static bool IsHelp(string argument) => argument is "--help" or "-h" or "-?" or "help";
}
