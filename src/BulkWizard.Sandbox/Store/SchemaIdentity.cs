namespace BulkWizard.Sandbox.Store;

/// <summary>
/// What makes two schemas the same in the registry: the MD5 of canonical text, references, metadata
/// and rule set (<see cref="SchemaDigest"/>). The registry keys its id reuse on that MD5 within a
/// context and answers it, formatted as a UUID, as the schema's <see cref="Guid"/>, so the guid is the
/// identity: the same in every context and registry, and independent of the type, subject and id.
/// </summary>
internal sealed record SchemaIdentity(string Guid)
{
    /// <summary>The 16 MD5 bytes as java.util.UUID prints them: lowercase hex, 8-4-4-4-12, big-endian.</summary>
    public static SchemaIdentity FromDigest(ReadOnlySpan<byte> md5)
    {
        if (md5.Length != 16)
        {
            throw new ArgumentException("An MD5 digest has 16 bytes.", nameof(md5));
        }

        var hex = Convert.ToHexStringLower(md5);
        return new SchemaIdentity($"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
    }
}
