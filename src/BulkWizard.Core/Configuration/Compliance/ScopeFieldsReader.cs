using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// Reads the configs the given contexts hand down, once each: <c>/config</c>, <c>:.__GLOBAL:</c> and each named
/// context's <c>:.ctx:</c> config (the default context's is <c>/config</c>).
/// </summary>
internal static class ScopeFieldsReader
{
    private const string AllContexts = ".__GLOBAL";

    public static async Task<IReadOnlyDictionary<string, ScopeFields>> ReadAsync(IRegistryGateway gateway, IEnumerable<string> contexts, CancellationToken cancellationToken)
    {
        var global = (await gateway.GetConfigAsync(RegistryScope.Global, cancellationToken))?.Fields;
        var allContexts = (await gateway.GetConfigAsync(RegistryScope.ForContext(AllContexts), cancellationToken))?.Fields;
        var scopes = new Dictionary<string, ScopeFields>(StringComparer.Ordinal);
        foreach (var context in contexts.Distinct())
        {
            var own = context == QualifiedSubject.DefaultContext ? null : (await gateway.GetConfigAsync(RegistryScope.ForContext(context), cancellationToken))?.Fields;
            scopes[context] = new ScopeFields(context, global, allContexts, own);
        }

        return scopes;
    }
}
