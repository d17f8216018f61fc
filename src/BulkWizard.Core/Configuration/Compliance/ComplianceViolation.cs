namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// One rule a subject's effective config breaks (<see cref="ComplianceRuleNames"/>), with what is in effect and what the
/// rule asks, both for people: Found "NONE (inherited from global)", Expected "BACKWARD or stricter: BACKWARD, …".
/// </summary>
public sealed record ComplianceViolation(string Subject, string Rule, string Found, string Expected);
