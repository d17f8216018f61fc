using System.Net;
using BulkWizard.Core.Registry;

namespace BulkWizard.Registry;

/// <summary>The socket handler of one registry, with its connect timeout and TLS settings. Certificate checks stay on unless SkipVerify is set.</summary>
internal static class RegistryPrimaryHandler
{
    public static SocketsHttpHandler Create(RegistryOptions registry)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),

            // Its own limit, so that EndpointFailoverHandler can move on from a URL that never answers the handshake.
            ConnectTimeout = TimeSpan.FromSeconds(Math.Max(1, registry.ConnectTimeoutSeconds)),
        };

        var tls = registry.Tls;
        if (tls.ClientCertificateFile is { Length: > 0 })
        {
            handler.SslOptions.ClientCertificates = [RegistryCertificates.LoadClientCertificate(tls)];
        }

        if (tls.SkipVerify)
        {
            // The user's explicit choice for a test registry; off by default.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (tls.CaFile is { Length: > 0 } caFile)
        {
            var roots = RegistryCertificates.LoadCa(caFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => RegistryCertificates.IsTrustedByCa(certificate, errors, roots);
        }

        return handler;
    }
}
