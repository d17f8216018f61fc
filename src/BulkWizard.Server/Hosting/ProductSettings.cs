using System.Collections;
using BulkWizard.Server.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace BulkWizard.Server.Hosting;

/// <summary>
/// The settings both front ends (the MCP server and the terminal) start from: appsettings.json beside the program,
/// environment variables, the command line and its <c>--config</c> file, read and validated the same way.
/// </summary>
public static class ProductSettings
{
    public static HostApplicationBuilder CreateBuilder(string[] args) => Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        Args = args,
        // Settings come from the program's folder, not from whatever folder the MCP client starts us in.
        ContentRootPath = AppContext.BaseDirectory,
    });

    /// <summary>
    /// Adds the <c>--config</c> file and loads the validated options; null after saying on stderr what is wrong
    /// (a missing or unreadable file, a bad setting), so the caller exits with its configuration-error code.
    /// </summary>
    public static async Task<BulkWizardOptions?> LoadAsync(HostApplicationBuilder builder, IDictionary environment)
    {
        try
        {
            if (builder.Configuration["config"] is { Length: > 0 } extraFile)
            {
                builder.Configuration.AddJsonFile(Path.GetFullPath(extraFile), optional: false);
            }

            return ServerSettingsLoader.Load(builder.Configuration, environment);
        }
        catch (Exception e) when (e is ConfigurationException or InvalidDataException or FileNotFoundException)
        {
            await Console.Error.WriteLineAsync($"bulkwizard: configuration error: {e.Message}");
            return null;
        }
    }
}
