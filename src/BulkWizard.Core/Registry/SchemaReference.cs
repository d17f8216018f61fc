namespace BulkWizard.Core.Registry;

/// <summary>A reference from one schema to a version of another subject, under the name the referrer imports it by.</summary>
public sealed record SchemaReference(string Name, string Subject, int Version);
