using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Metadata;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// Reads the selected subjects' settings through the shared readers (config and mode per subject, a few requests per
/// context), plus <c>/config</c>, <c>:.__GLOBAL:</c> and each named context's config once for the fields they hand down.
/// </summary>
internal sealed class ComplianceStateReader(IRegistryGateway gateway)
{
    public async Task<IReadOnlyList<ComplianceState>> ReadAsync(IReadOnlyList<QualifiedSubject> subjects, CancellationToken cancellationToken)
    {
        var read = await new SubjectMetadataReader(gateway).ReadAsync(subjects, readVersions: false, cancellationToken);
        var scopes = await ScopeFieldsReader.ReadAsync(gateway, subjects.Select(s => s.Context), cancellationToken);
        return [.. read.Select(r => new ComplianceState(r, scopes[r.Subject.Context]))];
    }
}
