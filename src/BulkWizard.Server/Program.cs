using BulkWizard.Server.Hosting;
using BulkWizard.Server.Terminal;

// "wizard …" and "--help" are the terminal front end; anything else (no arguments, as MCP clients start it) is the MCP server.
return TerminalCommand.Parse(args) is { } command
    ? await TerminalProgram.RunAsync(command, Environment.GetEnvironmentVariables())
    : await ServerProgram.RunAsync(args, Environment.GetEnvironmentVariables());
