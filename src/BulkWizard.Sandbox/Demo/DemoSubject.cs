using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Demo;

/// <summary>One demo subject: how many versions, its record, extra fields, references and metadata.</summary>
internal sealed record DemoSubject(string Subject, int Versions, string RecordName, string Namespace, string[] Fields)
{
    public IReadOnlyList<SchemaReference> References { get; init; } = [];

    public IReadOnlyDictionary<string, string>? Properties { get; init; }
}
