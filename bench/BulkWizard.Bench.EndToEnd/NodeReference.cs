using System.Diagnostics;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// The Node reference MCP server, <c>@modelcontextprotocol/server-everything</c>, at the version pinned in
/// <c>bench/node/package-lock.json</c>; installed there with <c>npm ci</c> on first use (<c>node_modules</c> is git-ignored).
/// </summary>
internal static class NodeReference
{
    public const string Package = "@modelcontextprotocol/server-everything";

    /// <summary>The server's <c>dist/index.js</c>, installing it first when missing; null (with the reason) when Node or npm cannot provide it.</summary>
    public static async Task<(string? Script, string? Problem)> EnsureInstalledAsync(string folder)
    {
        var script = Path.Combine(folder, "node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js");
        if (File.Exists(script))
        {
            return (script, null);
        }

        Progress.Say($"installing {Package} with npm ci in {folder}");
        var info = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = folder, RedirectStandardOutput = true, UseShellExecute = false };
        try
        {
            using var npm = Process.Start(info)!;
            await npm.StandardOutput.BaseStream.CopyToAsync(Console.OpenStandardError()); // npm's output stays off the report
            await npm.WaitForExitAsync();
            return npm.ExitCode == 0 && File.Exists(script) ? (script, null) : (null, $"npm ci exited with {npm.ExitCode}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"npm could not start: {e.Message}");
        }
    }
}
