namespace BulkWizard.Server.Terminal;

/// <summary>
/// What the command line asks of the terminal front end: help, <c>wizard [operation_type]</c> or <c>apply plan.json</c>,
/// followed by the same settings the server takes (<c>--config file.json</c>, <c>--BulkWizard:DataDirectory=…</c>,
/// <c>--registry name</c>). Anything else (no arguments: what MCP clients start) is the MCP server.
/// </summary>
public sealed record TerminalCommand(bool Help, string? OperationType, string[] Settings)
{
    public const string Wizard = "wizard";
    public const string Apply = "apply";

    /// <summary>The exported plan file of <c>apply</c>; null for <c>wizard</c>.</summary>
    public string? PlanFile { get; init; }

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

        if (args[0] == Apply)
        {
            // "apply" alone or with a setting first is answered by the usage error the program gives for a missing file.
            var file = args.Length > 1 && !args[1].StartsWith('-') ? args[1] : "";
            return args[1..].Any(IsHelp)
                ? new TerminalCommand(Help: true, null, [])
                : new TerminalCommand(Help: false, null, file.Length > 0 ? args[2..] : args[1..]) { PlanFile = file };
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
