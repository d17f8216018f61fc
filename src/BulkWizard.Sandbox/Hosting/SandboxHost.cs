using BulkWizard.Sandbox.Demo;
using BulkWizard.Sandbox.Endpoints;
using BulkWizard.Sandbox.Faults;
using BulkWizard.Sandbox.Http;
using BulkWizard.Sandbox.Persistence;
using BulkWizard.Sandbox.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Sandbox.Hosting;

/// <summary>
/// Builds the web application: an empty builder (no configuration sources, no default logging,
/// no console lifetime), Kestrel on the requested URLs, and one terminal middleware.
/// </summary>
internal static class SandboxHost
{
    public static WebApplication Build(SandboxOptions options, ILoggerFactory? loggerFactory, SandboxRequestStats stats, FaultInjector faults)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Logging.AddProvider(new ForwardingLoggerProvider(loggerFactory));
        }

        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();

        var store = new RegistryStore(options.Profile, TimeProvider.System,
            options.DataFile is null ? null : new StateFile(options.DataFile));
        if (options.SeedDemoData && !store.LoadedFromFile)
        {
            DemoData.Seed(store);
        }

        var app = builder.Build();
        var pipeline = new RegistryPipeline(
            new RegistryRouter(Routes(store)), stats, options.ResponseDelay, faults,
            app.Services.GetRequiredService<ILogger<RegistryPipeline>>());
        if (options.ServeRequestCounts)
        {
            app.Use(new RequestCountsEndpoint(stats).HandleAsync);
        }

        if (options.ServeFaults)
        {
            app.Use(new FaultsEndpoint(faults).HandleAsync);
        }

        app.Run(pipeline.HandleAsync);
        return app;
    }

    private static List<RouteDefinition> Routes(RegistryStore store) =>
    [
        .. new ServerEndpoints(store.Profile).Routes(),
        .. new SubjectEndpoints(store).Routes(),
        .. new SchemaEndpoints(store).Routes(),
        .. new ConfigEndpoints(store).Routes(),
        .. new ModeEndpoints(store).Routes(),
        .. new ContextEndpoints(store).Routes(),
        .. new CompatibilityEndpoints(store).Routes(),
    ];
}
