namespace BulkWizard.Core.Configuration;

/// <summary>What the configuration operation reads and keeps outside the registry.</summary>
/// <param name="ComplianceRulesFile">The organization's compliance rules (<c>BulkWizard:Compliance:RulesFile</c>); null for the built-in rules.</param>
/// <param name="DataDirectory">The data directory, where retention policies are stored.</param>
public sealed record ConfigurationSources(string? ComplianceRulesFile, string DataDirectory);
