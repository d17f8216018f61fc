namespace BulkWizard.Sandbox.Store;

/// <summary>A version of a subject: which schema id it uses, whether it is soft-deleted, when it was written.</summary>
internal sealed class SubjectVersion(int version, int schemaId, long timestamp)
{
    public int Version { get; } = version;

    public int SchemaId { get; } = schemaId;

    public long Timestamp { get; } = timestamp;

    public bool Deleted { get; set; }
}
