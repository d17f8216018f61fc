using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Selection;

/// <summary>
/// Finds the subjects whose latest version carries the metadata property <c>deprecated=true</c>, from the
/// paged <c>GET /schemas?subjectPrefix=:*:&amp;latestOnly=true</c>. Read only when the "deprecated" selector is chosen.
/// </summary>
internal static class DeprecationReader
{
    public static async Task<HashSet<QualifiedSubject>> ReadAsync(IRegistryGateway gateway, string property, CancellationToken cancellationToken)
    {
        var deprecated = new HashSet<QualifiedSubject>();
        await foreach (var latest in gateway.ListSchemasAsync(new SchemaQuery(":*:", LatestOnly: true), cancellationToken))
        {
            var value = latest.Metadata?["properties"]?[property];
            if (value is not null && string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase))
            {
                deprecated.Add(latest.Subject);
            }
        }

        return deprecated;
    }
}
