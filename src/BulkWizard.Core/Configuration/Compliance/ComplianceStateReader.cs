using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Metadata;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// Reads the selected subjects' settings through the shared readers (config and mode per subject, a few requests per
/// context), plus <c>/config</c>, <c>:.__GLOBAL:</c> and each named context's config once for the fields they hand down.
/// </summary>
internal sealed class ComplianceStateReader(IRegistryGateway gateway)
{
    private const string AllContexts = ".__GLOBAL";

    public async Task<IReadOnlyList<ComplianceState>> ReadAsync(IReadOnlyList<QualifiedSubject> subjects, CancellationToken cancellationToken)
    {
        var read = await new SubjectMetadataReader(gateway).ReadAsync(subjects, readVersions: false, cancellationToken);
        var global = (await gateway.GetConfigAsync(RegistryScope.Global, cancellationToken))?.Fields;
        var allContexts = (await gateway.GetConfigAsync(RegistryScope.ForContext(AllContexts), cancellationToken))?.Fields;
        var scopes = new Dictionary<string, ScopeFields>(StringComparer.Ordinal);
        foreach (var context in subjects.Select(s => s.Context).Distinct())
        {
            var own = context == QualifiedSubject.DefaultContext ? null : (await gateway.GetConfigAsync(RegistryScope.ForContext(context), cancellationToken))?.Fields;
            scopes[context] = new ScopeFields(context, global, allContexts, own);
        }

        return [.. read.Select(r => new ComplianceState(r, scopes[r.Subject.Context]))];
    }
}
