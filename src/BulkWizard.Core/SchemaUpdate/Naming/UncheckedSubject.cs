namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>A subject the convention could not be checked on, e.g. a record-name check of a JSON schema.</summary>
public sealed record UncheckedSubject(string Subject, string Reason);
