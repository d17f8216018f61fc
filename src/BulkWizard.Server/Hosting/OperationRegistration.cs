using System.Diagnostics.CodeAnalysis;
using BulkWizard.Core.Operations;
using BulkWizard.Server.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace BulkWizard.Server.Hosting;

/// <summary>
/// Plugs an operation type into the server in one call: its <see cref="IBulkOperation"/> (wizard, planner, arguments,
/// review steps), found by <c>operation_type</c> in the wizard and by the plan service, and the tool class of its
/// planning tool (e.g. <c>bulk_schema_update</c>), listed with the other tools.
/// </summary>
public static class OperationRegistration
{
    public static IServiceCollection AddBulkOperation<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] TTools>(
        this IServiceCollection services, Func<IServiceProvider, IBulkOperation> operation)
        where TTools : class
    {
        services.AddSingleton(operation);
        // Built on first use, like the other tools, so that registering an operation costs nothing at start-up.
        new ToolRegistrations(services).WithDeferredTools<TTools>(ToolJson.Options);
        return services;
    }

    /// <summary>The SDK registers tools as <c>McpServerTool</c> services; this lets them be added beside the operation they belong to.</summary>
    private sealed class ToolRegistrations(IServiceCollection services) : IMcpServerBuilder
    {
        public IServiceCollection Services => services;
    }
}
