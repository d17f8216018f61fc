namespace BulkWizard.Core.Registry;

/// <summary>TLS settings for one registry. Certificate checks stay on unless <see cref="SkipVerify"/> is set.</summary>
public sealed class RegistryTlsOptions
{
    /// <summary>PEM file of the certificate authority that signed the registry's certificate.</summary>
    public string? CaFile { get; set; }

    /// <summary>Client certificate (PEM or PKCS#12) for mutual TLS.</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM private key of the client certificate, when it is not inside the certificate file.</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>Password of a PKCS#12 client certificate.</summary>
    public string? ClientCertificatePassword { get; set; }

    /// <summary>Accept any server certificate. Off by default; meant only for test registries.</summary>
    public bool SkipVerify { get; set; }
}
