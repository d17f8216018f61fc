using System.Globalization;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Execution.Locking;

/// <summary>
/// What identifies a registry across server processes: its URLs, normalized (scheme and host in lower case, the
/// port always written, no credentials, no trailing slash) and sorted, so two client entries naming one registry
/// differently share its lock and two registries that share a name do not. The configured name is per process,
/// and the cluster id (<c>/v1/metadata/id</c>) is the same <c>schema-registry</c> on every default installation.
/// </summary>
internal static class RegistryAddress
{
    public static string Normalize(RegistryOptions registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var urls = registry.Urls.Select(NormalizeOne).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return string.Join(',', urls);
    }

    private static string NormalizeOne(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url.Trim().TrimEnd('/').ToLowerInvariant();
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        return string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme.ToLowerInvariant()}://{uri.Host.ToLowerInvariant()}:{uri.Port}{path}");
    }
}
