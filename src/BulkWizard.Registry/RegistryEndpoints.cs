using System.Net;
using BulkWizard.Core.Registry;

namespace BulkWizard.Registry;

/// <summary>
/// The URLs of one registry, tried in order on connection failure. The one that last answered is tried
/// first next time. User info in a URL is taken out (it must not travel in request lines or logs) and
/// serves as basic-auth credentials when none are configured.
/// </summary>
internal sealed class RegistryEndpoints
{
    private readonly string[] _bases;
    private int _preferred;

    public RegistryEndpoints(RegistryOptions registry)
    {
        var bases = new List<string>();
        foreach (var url in registry.Urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"Registry '{registry.Name}': '{Redact(url)}' is not an http(s) URL.", nameof(registry));
            }

            if (uri.UserInfo.Length > 0 && UrlCredentials is null)
            {
                var parts = uri.UserInfo.Split(':', 2);
                UrlCredentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
            }

            bases.Add(new UriBuilder(uri) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        }

        if (bases.Count == 0)
        {
            throw new ArgumentException($"Registry '{registry.Name}' has no URL.", nameof(registry));
        }

        _bases = [.. bases];
    }

    public int Count => _bases.Length;

    /// <summary>Credentials written in the first URL that had any, as <c>http://user:password@host</c>.</summary>
    public NetworkCredential? UrlCredentials { get; }

    /// <summary>Index of the URL to try first.</summary>
    public int Preferred => Volatile.Read(ref _preferred);

    public string DisplayBase(int index) => _bases[index];

    public void MarkAnswered(int index) => Volatile.Write(ref _preferred, index);

    /// <summary>The absolute URI, built without canonicalization so escaped <c>%2F</c> and friends stay escaped.</summary>
    public Uri Resolve(int index, string relativeUri) =>
        new(_bases[index] + "/" + relativeUri, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    private static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url;
}
