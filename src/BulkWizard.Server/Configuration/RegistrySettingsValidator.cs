using System.Text.RegularExpressions;
using BulkWizard.Core.Registry;

namespace BulkWizard.Server.Configuration;

/// <summary>Checks the configured registries; the first problem found becomes a one-line <see cref="ConfigurationException"/>.</summary>
public static partial class RegistrySettingsValidator
{
    public static void Validate(IReadOnlyList<RegistryOptions> registries, Func<string, bool> fileExists)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < registries.Count; i++)
        {
            var registry = registries[i];
            var where = $"registry {i} ('{registry.Name}')";
            if (!ValidName().IsMatch(registry.Name))
            {
                throw new ConfigurationException(
                    $"{where}: Name '{registry.Name}' is invalid: use 1-64 letters, digits, '.', '_' or '-'.");
            }

            if (!names.Add(registry.Name))
            {
                throw new ConfigurationException($"{where}: Name '{registry.Name}' is used by two registries: names must be unique.");
            }

            ValidateUrls(where, registry);
            ValidateAuth(where, registry);
            if (registry.RequestTimeoutSeconds is < 1 or > 600)
            {
                throw new ConfigurationException(
                    $"{where}: RequestTimeoutSeconds {registry.RequestTimeoutSeconds} is out of range: allowed 1 to 600.");
            }

            if (registry.ConnectTimeoutSeconds is < 1 or > 600)
            {
                throw new ConfigurationException(
                    $"{where}: ConnectTimeoutSeconds {registry.ConnectTimeoutSeconds} is out of range: allowed 1 to 600.");
            }

            if (registry.MaxWritesPerMinute is < 1 or > RegistryPaceLimits.MaxWritesPerMinute)
            {
                throw new ConfigurationException(
                    $"{where}: MaxWritesPerMinute {registry.MaxWritesPerMinute} is out of range: allowed 1 to {RegistryPaceLimits.MaxWritesPerMinute}, or leave it out for no ceiling.");
            }

            ValidateFiles(where, registry.Tls, fileExists);
            if (registry.Kafka is { } kafka && string.IsNullOrWhiteSpace(kafka.BootstrapServers))
            {
                throw new ConfigurationException($"{where}: Kafka.BootstrapServers is empty: give host:port[,host:port] or remove the Kafka section.");
            }

            if (registry.Kafka?.Topics.FirstOrDefault(m => string.IsNullOrWhiteSpace(m.Value)) is { Key: { } subject })
            {
                throw new ConfigurationException($"{where}: Kafka.Topics maps subject '{subject}' to an empty topic: give the topic's name or remove the entry.");
            }
        }

        var defaults = registries.Where(r => r.Default).Select(r => r.Name).ToList();
        if (defaults.Count > 1)
        {
            throw new ConfigurationException($"Default is set on {string.Join(" and ", defaults)}: at most one registry may be the default.");
        }
    }

    private static void ValidateUrls(string where, RegistryOptions registry)
    {
        if (registry.Urls.Count == 0)
        {
            throw new ConfigurationException($"{where}: Url is empty: give the registry's http(s) URL.");
        }

        foreach (var url in registry.Urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ConfigurationException($"{where}: Url '{Redact(url)}' is not an absolute http:// or https:// URL.");
            }
        }
    }

    private static void ValidateAuth(string where, RegistryOptions registry)
    {
        var basic = !string.IsNullOrEmpty(registry.Username) || !string.IsNullOrEmpty(registry.Password);
        if (basic && (string.IsNullOrEmpty(registry.Username) || string.IsNullOrEmpty(registry.Password)))
        {
            throw new ConfigurationException($"{where}: basic auth needs both Username and Password.");
        }

        if (basic && !string.IsNullOrEmpty(registry.BearerToken))
        {
            throw new ConfigurationException($"{where}: give either Username/Password or BearerToken, not both.");
        }
    }

    private static void ValidateFiles(string where, RegistryTlsOptions tls, Func<string, bool> fileExists)
    {
        foreach (var (field, path) in new[] { ("Tls.CaFile", tls.CaFile), ("Tls.ClientCertificateFile", tls.ClientCertificateFile), ("Tls.ClientKeyFile", tls.ClientKeyFile) })
        {
            if (!string.IsNullOrEmpty(path) && !fileExists(path))
            {
                throw new ConfigurationException($"{where}: {field} '{path}' does not exist.");
            }
        }

        if (!string.IsNullOrEmpty(tls.ClientKeyFile) && string.IsNullOrEmpty(tls.ClientCertificateFile))
        {
            throw new ConfigurationException($"{where}: Tls.ClientKeyFile needs Tls.ClientCertificateFile.");
        }
    }

    /// <summary>Drops user info so that a password typed into a URL never reaches stderr.</summary>
    private static string Redact(string url)
    {
        var at = url.IndexOf('@', StringComparison.Ordinal);
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme >= 0 && at > scheme ? url[..(scheme + 3)] + "***@" + url[(at + 1)..] : url;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ValidName();
}
