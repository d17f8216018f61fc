using BulkWizard.Core.Migration.Compare;
using BulkWizard.Core.Registry;
using BulkWizard.Server.Tools.Results;

namespace BulkWizard.Server.Tools;

/// <summary>compare_registries' two sides from its parameters, each error naming the parameter at fault.</summary>
internal static class ComparedScopes
{
    /// <param name="side"><c>source</c> or <c>target</c>: the prefix of the parameters' names.</param>
    public static ComparedScope Resolve(IRegistryGatewayProvider registries, string side, string registry, string? context)
    {
        IRegistryGateway gateway;
        try
        {
            gateway = registries.Get(registry);
        }
        catch (RegistryNotConfiguredException e)
        {
            throw new ArgumentException($"{side}_registry: {e.Message}", e);
        }

        try
        {
            return new ComparedScope(gateway, context);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{side}_context: '{context}' is not a context; write .name or :.name:, or leave it out for the default context.", e);
        }
    }

    /// <summary>The same registry twice compares two of its contexts; the same context of it would compare nothing.</summary>
    public static void EnsureDistinct(ComparedScope source, ComparedScope target)
    {
        if (string.Equals(source.Gateway.Registry.Name, target.Gateway.Registry.Name, StringComparison.OrdinalIgnoreCase) && source.Context == target.Context)
        {
            throw new ArgumentException(
                $"source_registry, target_registry: both are '{source.Gateway.Registry.Name}' and source_context, target_context are both {source.Context}; compare two registries, or give two different contexts.");
        }
    }

    public static ComparedEnd End(ComparedScope scope) => new(scope.Gateway.Registry.Name, scope.Context);
}
