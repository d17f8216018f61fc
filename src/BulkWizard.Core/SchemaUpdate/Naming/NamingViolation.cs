namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>
/// A subject that breaks the convention, why, and the conforming name to use instead (same context unless the
/// convention is about the context); when no name can be suggested, <see cref="NoSuggestionReason"/> says why.
/// </summary>
public sealed record NamingViolation(string Subject, string Reason, string? SuggestedName, string? NoSuggestionReason);
