using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// What makes two schemas the same in the registry: canonical text, references, metadata and rule
/// set. <see cref="Guid"/> is the MD5 of that, formatted as a UUID, like the registry's guid.
/// </summary>
internal sealed record SchemaIdentity(string Key, string Guid)
{
    public static SchemaIdentity FromKey(string key)
    {
#pragma warning disable CA5351 // MD5 is what the registry uses for schema identity, not for security.
        var hash = MD5.HashData(Encoding.UTF8.GetBytes(key));
#pragma warning restore CA5351
        return new SchemaIdentity(key, new System.Guid(hash, bigEndian: true).ToString("D", CultureInfo.InvariantCulture));
    }
}
