using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Hosting;

/// <summary>Registers tools as <see cref="DeferredTool"/>s, and builds them once the client has its first answer.</summary>
internal static class DeferredToolsBuilderExtensions
{
    /// <summary>
    /// Like the SDK's <c>WithTools&lt;T&gt;</c> (one tool per <see cref="McpServerToolAttribute"/> method, a new
    /// <typeparamref name="TToolType"/> per call), each tool built on first use. A tool without an explicit
    /// <see cref="McpServerToolAttribute.Name"/> is built at start-up, as the SDK would: its name is not known before.
    /// </summary>
    public static IMcpServerBuilder WithDeferredTools<TToolType>(this IMcpServerBuilder builder, JsonSerializerOptions serializerOptions)
    {
        const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
        foreach (var method in typeof(TToolType).GetMethods(AllMethods))
        {
            if (method.GetCustomAttribute<McpServerToolAttribute>() is not { } attribute)
            {
                continue;
            }

            McpServerTool Create(IServiceProvider services) => method.IsStatic
                ? McpServerTool.Create(method, target: null, new() { Services = services, SerializerOptions = serializerOptions })
                : McpServerTool.Create(method, CreateTarget, new() { Services = services, SerializerOptions = serializerOptions });

            builder.Services.AddSingleton(services => attribute.Name is { } name ? new DeferredTool(name, () => Create(services)) : Create(services));
        }

        return builder;

        static object CreateTarget(RequestContext<CallToolRequestParams> request) =>
            request.Services is { } services ? ActivatorUtilities.CreateInstance<TToolType>(services)! : Activator.CreateInstance<TToolType>()!;
    }

    /// <summary>
    /// Builds every <see cref="DeferredTool"/> in the background once the first answer (to <c>initialize</c>, usually) is
    /// sent, so that the <c>tools/list</c> that follows seldom waits for them.
    /// </summary>
    public static IMcpServerBuilder PrepareDeferredToolsAfterFirstAnswer(this IMcpServerBuilder builder)
    {
        var started = 0;
        return builder.WithMessageFilters(filters => filters.AddOutgoingFilter(next => async (context, cancellationToken) =>
        {
            await next(context, cancellationToken);
            if (context.JsonRpcMessage is JsonRpcResponse or JsonRpcError && Interlocked.Exchange(ref started, 1) == 0)
            {
                var tools = context.Services?.GetServices<McpServerTool>().OfType<DeferredTool>().ToList() ?? [];
                _ = Task.Run(() =>
                {
                    foreach (var tool in tools)
                    {
                        try
                        {
                            tool.Prepare();
                        }
                        catch (Exception)
                        {
                            // Kept by the tool: tools/list and calls report it.
                        }
                    }
                }, CancellationToken.None);
            }
        }));
    }
}
