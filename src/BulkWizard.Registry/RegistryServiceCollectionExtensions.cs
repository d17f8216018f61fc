using System.Net.Http.Headers;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Pacing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BulkWizard.Registry;

/// <summary>Registers the registry gateways.</summary>
public static class RegistryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IRegistryGatewayProvider"/> with one gateway per registry, each over its own named
    /// <see cref="HttpClient"/> (auth, TLS, URL failover, and the retry layer). Delays and timeouts use the
    /// <see cref="TimeProvider"/> registered in the container, the system clock if none is.
    /// </summary>
    /// <param name="pending">
    /// Those of <paramref name="registries"/> whose URL is set later (see <see cref="PendingRegistry"/>): their URL and
    /// credentials are read when they are ready, not here, and their gateways wait for that.
    /// </param>
    /// <exception cref="ArgumentException">A name is used twice, a pending registry is not among the registries, or a registry's URL or auth is invalid.</exception>
    public static IServiceCollection AddRegistryGateways(
        this IServiceCollection services,
        IEnumerable<RegistryOptions> registries,
        Action<RegistryResilienceOptions>? configureResilience = null,
        IEnumerable<PendingRegistry>? pending = null)
    {
        ArgumentNullException.ThrowIfNull(registries);
        var list = registries.ToList();
        var duplicate = list.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Registry name '{duplicate.Key}' is configured more than once.", nameof(registries));
        }

        var pendingByName = (pending ?? []).ToDictionary(p => p.Registry.Name, StringComparer.OrdinalIgnoreCase);
        if (pendingByName.Values.FirstOrDefault(p => !list.Contains(p.Registry)) is { } stray)
        {
            throw new ArgumentException($"Pending registry '{stray.Registry.Name}' is not among the registries.", nameof(pending));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RegistryResilienceOptions>()
            .Configure(options => configureResilience?.Invoke(options))
            .Validate(options => options.Validate() is null, "Invalid registry retry options: MaxRetryAttempts 0-10, BaseDelay positive, MaxDelay at least BaseDelay.");

        var endpointsByName = new Dictionary<string, Lazy<RegistryEndpoints>>(StringComparer.OrdinalIgnoreCase);
        foreach (var registry in list)
        {
            // Read on first use: a pending registry has no URL yet. Every other one is read now, so a bad URL or
            // auth setting fails here rather than at the first request.
            var endpoints = new Lazy<RegistryEndpoints>(() => new RegistryEndpoints(registry));
            var authorization = new Lazy<AuthenticationHeaderValue?>(() => RegistryAuthentication.HeaderFor(registry, endpoints.Value));
            if (!pendingByName.ContainsKey(registry.Name))
            {
                _ = authorization.Value;
            }

            endpointsByName[registry.Name] = endpoints;

            var httpClient = services.AddHttpClient(HttpClientName(registry))
                .ConfigureHttpClient(client =>
                {
                    // The retry layer times each attempt; HttpClient's own timeout would cut across retries.
                    client.Timeout = Timeout.InfiniteTimeSpan;
                    client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(RegistryJson.MediaType));
                    client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.5));
                    client.DefaultRequestHeaders.Authorization = authorization.Value;
                })
                .ConfigurePrimaryHttpMessageHandler(() => RegistryPrimaryHandler.Create(registry))
                // The factory's own handlers would open a logging scope around every request; retries and
                // failures are logged by the retry layer, and a run of 10,000 items makes 20,000 requests.
                .RemoveAllLoggers();

            // Handlers run outermost first: retry and attempt timeout, then failover across the URLs.
            httpClient.AddResilienceHandler("registry", (builder, context) => RegistryResiliencePipeline.Configure(
                    builder,
                    registry,
                    context.ServiceProvider.GetRequiredService<IOptions<RegistryResilienceOptions>>().Value,
                    context.ServiceProvider.GetRequiredService<RegistryPaces>().For(registry),
                    context.ServiceProvider.GetRequiredService<TimeProvider>(),
                    context.ServiceProvider.GetRequiredService<ILogger<RegistryRestClient>>()));
            httpClient.AddHttpMessageHandler(provider => new EndpointFailoverHandler(registry.Name, endpoints.Value, provider.GetRequiredService<ILogger<EndpointFailoverHandler>>()));
        }

        services.TryAddSingleton<RegistryPaces>();
        services.AddSingleton<IRegistryGatewayProvider>(provider =>
        {
            IRegistryGateway Create(RegistryOptions registry) => new HttpRegistryGateway(
                registry,
                new RegistryRestClient(
                    registry.Name,
                    HttpClientName(registry),
                    provider.GetRequiredService<IHttpClientFactory>(),
                    endpointsByName[registry.Name].Value,
                    provider.GetRequiredService<ILogger<RegistryRestClient>>()),
                provider.GetRequiredService<IOptions<RegistryResilienceOptions>>().Value,
                provider.GetRequiredService<RegistryPaces>().For(registry),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILogger<HttpRegistryGateway>>());

            return new RegistryGatewayProvider(list, registry => pendingByName.TryGetValue(registry.Name, out var waiting)
                ? new PendingRegistryGateway(waiting, provider.GetRequiredService<RegistryPaces>().For(registry), () => Create(registry))
                : Create(registry));
        });
        return services;
    }

    /// <summary>The name of a registry's <see cref="HttpClient"/>; tests use it to put a fake handler underneath.</summary>
    internal static string HttpClientName(RegistryOptions registry) => "BulkWizard.Registry:" + registry.Name.ToUpperInvariant();
}
