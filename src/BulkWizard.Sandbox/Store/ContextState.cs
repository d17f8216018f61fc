namespace BulkWizard.Sandbox.Store;

/// <summary>
/// One context: its own id counter (never goes back; raised by imported ids), its schemas by id and
/// by identity. <see cref="Listed"/> turns on with the first registration and off with DELETE /contexts.
/// </summary>
internal sealed class ContextState(string name)
{
    public string Name { get; } = name;

    public int MaxId { get; set; }

    public bool Listed { get; set; }

    public Dictionary<int, StoredSchema> SchemasById { get; } = [];

    public Dictionary<SchemaIdentity, int> IdByIdentity { get; } = [];
}
