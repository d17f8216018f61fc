namespace BulkWizard.Core.Configuration;

/// <summary>The answer keys and values of the configuration steps and its review questions.</summary>
internal static class ConfigurationKeys
{
    public const string ConfigurationType = "configuration_type";
    public const string Scope = "scope";
    public const string Context = "context";
    public const string Mode = "mode";
    public const string Force = "force";
    public const string MetadataTarget = "metadata_target";
    public const string Tags = "tags";
    public const string Properties = "properties";
    public const string Sensitive = "sensitive";
    public const string RuleSet = "rule_set";
    public const string KeepLast = "keep_last";
    public const string OlderThanDays = "older_than_days";
    public const string EnforceNow = "enforce_now";
    public const string PolicyInMetadata = "policy_in_metadata";
    public const string Fix = "fix";

    /// <summary>The step of the type's own question (mode settings, security policy).</summary>
    public const string OptionsStep = "configuration_options";

    public const string ModeType = "mode";
    public const string SecurityType = "security";
    public const string RetentionType = "retention";
    public const string ComplianceType = "compliance";

    public const string Subjects = "subjects";
    public const string ContextScope = "context";
    public const string DefaultContext = "default_context";
    public const string AllContexts = "all_contexts";

    public const string ReadWrite = "READWRITE";
    public const string ReadOnly = "READONLY";
    public const string Import = "IMPORT";
    public const string Inherit = "inherit";

    public const string DefaultTarget = "default";
    public const string OverrideTarget = "override";

    public const string ProducersAction = "producers_action";
    public const string UnknownImpact = "unknown_impact";

    /// <summary>Kept in the plan's answers: the selection as the title shows it, for planning again after a review leaves subjects out.</summary>
    public const string SelectionDescription = "selection_description";

    /// <summary>Kept in the plan's answers: the pattern a retention policy is stored under once the run completes.</summary>
    public const string RetentionPattern = "retention_pattern";
}
