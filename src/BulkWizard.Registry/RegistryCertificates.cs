using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using BulkWizard.Core.Registry;

namespace BulkWizard.Registry;

/// <summary>Certificates from <see cref="RegistryTlsOptions"/>: the registry's CA and our client certificate.</summary>
internal static class RegistryCertificates
{
    public static X509Certificate2Collection LoadCa(string caFile)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        return roots.Count > 0 ? roots : throw new InvalidDataException($"No certificate found in CA file '{caFile}'.");
    }

    /// <summary>PEM (certificate with its key, or a separate key file; the password decrypts an encrypted key) or PKCS#12.</summary>
    public static X509Certificate2 LoadClientCertificate(RegistryTlsOptions tls)
    {
        var file = tls.ClientCertificateFile ?? throw new ArgumentException("No client certificate file.", nameof(tls));
        if (!File.ReadAllText(file).Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(file, tls.ClientCertificatePassword);
        }

        return tls.ClientCertificatePassword is { Length: > 0 } password
            ? X509Certificate2.CreateFromEncryptedPemFile(file, password, tls.ClientKeyFile)
            : X509Certificate2.CreateFromPemFile(file, tls.ClientKeyFile);
    }

    /// <summary>
    /// With a CA file, the registry's certificate must be issued for the host and chain up to one of the
    /// file's certificates; the machine's own trust store does not count.
    /// </summary>
    public static bool IsTrustedByCa(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
