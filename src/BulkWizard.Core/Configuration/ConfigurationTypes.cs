using BulkWizard.Core.Operations;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// The configuration types by <c>configuration_type</c>: mode settings, security policies, retention policies and compliance
/// settings. The wizard, the arguments
/// record and the planner look a type up here; a new configuration type is one more entry.
/// </summary>
internal static class ConfigurationTypes
{
    public static ConfigurationType Mode { get; } = new(ConfigurationKeys.ModeType, "configuration_mode", "configuration_mode_description")
    {
        Question = ModeSteps.Question,
        OwnArguments = [ConfigurationKeys.Mode, ConfigurationKeys.Force],
        Missing = a => a.Mode is null
            ? OperationArguments.MissingFor("mode", $"configuration_type '{ConfigurationKeys.ModeType}'", "one of " + string.Join(", ", ModeSteps.Modes))
            : null,
        PlanAsync = (planning, token) => new ModePlanner(planning).PlanAsync(token),
    };

    public static ConfigurationType Security { get; } = new(ConfigurationKeys.SecurityType, "configuration_security", "configuration_security_description")
    {
        Question = _ => SecuritySteps.Question(),
        OwnArguments = [ConfigurationKeys.MetadataTarget, ConfigurationKeys.Tags, ConfigurationKeys.Properties, ConfigurationKeys.Sensitive, ConfigurationKeys.RuleSet],
        Missing = a => new[] { a.Tags, a.Properties, a.Sensitive, a.RuleSet }.All(string.IsNullOrWhiteSpace) ? ConfigurationRequest.SecurityMissing : null,
        PlanAsync = (planning, token) => new SecurityPlanner(planning).PlanAsync(token),
    };

    public static ConfigurationType Retention { get; } = new(ConfigurationKeys.RetentionType, "configuration_retention", "configuration_retention_description")
    {
        Question = _ => RetentionSteps.Question(),
        OwnArguments = [ConfigurationKeys.KeepLast, ConfigurationKeys.OlderThanDays, ConfigurationKeys.EnforceNow, ConfigurationKeys.PolicyInMetadata],
        Missing = a => a.KeepLast is null && a.OlderThanDays is null ? ConfigurationRequest.RetentionMissing : null,
        PlanAsync = (planning, token) => new RetentionPlanner(planning).PlanAsync(token),
    };

    public static ConfigurationType Compliance { get; } = new(ConfigurationKeys.ComplianceType, "configuration_compliance", "configuration_compliance_description")
    {
        Question = _ => ComplianceSteps.Question(),
        OwnArguments = [ConfigurationKeys.Fix, ConfigurationKeys.Properties],
        PlanAsync = (planning, token) => new CompliancePlanner(planning).PlanAsync(token),
    };

    public static IReadOnlyList<ConfigurationType> All { get; } = [Mode, Security, Retention, Compliance];

    public static IEnumerable<string> Values => All.Select(t => t.Value);

    public static ConfigurationType? Find(string? value) => All.FirstOrDefault(t => t.Value == value);
}
