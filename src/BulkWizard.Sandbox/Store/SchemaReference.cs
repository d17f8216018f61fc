namespace BulkWizard.Sandbox.Store;

/// <summary>A reference from a schema to a version of another subject, as sent and returned.</summary>
internal sealed record SchemaReference(string Name, string Subject, int Version);
