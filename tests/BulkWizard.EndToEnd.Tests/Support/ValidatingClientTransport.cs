using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>Connects through <paramref name="inner"/> and checks what comes back with a <see cref="ValidatingTransport"/>.</summary>
public sealed class ValidatingClientTransport(IClientTransport inner, string? protocolVersion) : IClientTransport
{
    public string Name => inner.Name;

    public async Task<ITransport> ConnectAsync(CancellationToken cancellationToken = default)
    {
        // Asked for first, so the schemas are read while the server under test starts.
        var schemas = OutputSchemas.ForAsync(protocolVersion);
        return new ValidatingTransport(await inner.ConnectAsync(cancellationToken), schemas);
    }
}
