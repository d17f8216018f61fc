using System.Net.Http.Headers;
using BulkWizard.Core.Registry;
using Confluent.SchemaRegistry;

namespace BulkWizard.Registry;

/// <summary>The Authorization header of one registry: basic (configured, or from the URL's user info) or bearer.</summary>
internal static class RegistryAuthentication
{
    public static AuthenticationHeaderValue? HeaderFor(RegistryOptions registry, RegistryEndpoints endpoints)
    {
        var hasBasic = !string.IsNullOrEmpty(registry.Username);
        var hasBearer = !string.IsNullOrEmpty(registry.BearerToken);
        if (hasBasic && hasBearer)
        {
            throw new ArgumentException($"Registry '{registry.Name}' sets both basic auth and a bearer token; use one.", nameof(registry));
        }

        if (hasBearer)
        {
            return new AuthenticationHeaderValue("Bearer", registry.BearerToken);
        }

        if (hasBasic)
        {
            return new BasicAuthenticationHeaderValueProvider(registry.Username, registry.Password ?? "").GetAuthenticationHeader();
        }

        return endpoints.UrlCredentials is { } fromUrl
            ? new BasicAuthenticationHeaderValueProvider(fromUrl.UserName, fromUrl.Password).GetAuthenticationHeader()
            : null;
    }
}
