using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BulkWizard.Core.Registry;

namespace BulkWizard.Registry.Tests;

public sealed class CertificateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bulkwizard-tls-").FullName;

    [Fact]
    public void CaFile_TrustsCertificatesItIssued_AndNoOthers()
    {
        using var ca = CreateCa("Registry CA");
        using var otherCa = CreateCa("Other CA");
        using var leaf = Issue(ca, "registry.test");
        using var stranger = Issue(otherCa, "registry.test");
        var caFile = Write("ca.pem", ca.ExportCertificatePem());

        var roots = RegistryCertificates.LoadCa(caFile);

        Assert.True(RegistryCertificates.IsTrustedByCa(leaf, SslPolicyErrors.RemoteCertificateChainErrors, roots));
        Assert.False(RegistryCertificates.IsTrustedByCa(stranger, SslPolicyErrors.RemoteCertificateChainErrors, roots));
        Assert.False(RegistryCertificates.IsTrustedByCa(leaf, SslPolicyErrors.RemoteCertificateNameMismatch, roots));
        Assert.False(RegistryCertificates.IsTrustedByCa(null, SslPolicyErrors.RemoteCertificateNotAvailable, roots));
    }

    [Fact]
    public void ClientCertificate_LoadsFromPemWithKeyFile_AndFromPkcs12()
    {
        using var ca = CreateCa("Client CA");
        using var client = Issue(ca, "bulkwizard");
        var certFile = Write("client.pem", client.ExportCertificatePem());
        var keyFile = Write("client.key", client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var pfxFile = Path.Combine(_directory, "client.p12");
        File.WriteAllBytes(pfxFile, client.Export(X509ContentType.Pkcs12, "pw"));

        using var fromPem = RegistryCertificates.LoadClientCertificate(new RegistryTlsOptions { ClientCertificateFile = certFile, ClientKeyFile = keyFile });
        using var fromPkcs12 = RegistryCertificates.LoadClientCertificate(new RegistryTlsOptions { ClientCertificateFile = pfxFile, ClientCertificatePassword = "pw" });

        Assert.True(fromPem.HasPrivateKey);
        Assert.True(fromPkcs12.HasPrivateKey);
        Assert.Equal(client.Thumbprint, fromPem.Thumbprint);
        Assert.Equal(client.Thumbprint, fromPkcs12.Thumbprint);
    }

    [Fact]
    public void PrimaryHandler_VerifiesCertificatesUnlessSkipVerifyIsSet()
    {
        using var strict = RegistryPrimaryHandler.Create(new RegistryOptions { Name = "a", Url = "https://a.test" });
        using var lax = RegistryPrimaryHandler.Create(new RegistryOptions { Name = "a", Url = "https://a.test", Tls = new RegistryTlsOptions { SkipVerify = true } });

        Assert.Null(strict.SslOptions.RemoteCertificateValidationCallback);
        Assert.NotNull(lax.SslOptions.RemoteCertificateValidationCallback);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static X509Certificate2 CreateCa(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string host)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(10), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }
}
