namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>The full name of a subject's latest schema (namespace + name), or why it has none.</summary>
internal sealed record RecordName(string? FullName, string? Problem)
{
    public static RecordName Of(string fullName) => new(fullName, null);

    public static RecordName Missing(string problem) => new(null, problem);
}
