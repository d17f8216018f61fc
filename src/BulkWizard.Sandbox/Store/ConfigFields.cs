namespace BulkWizard.Sandbox.Store;

/// <summary>Config members the registry knows, in the order its responses list them.</summary>
internal static class ConfigFields
{
    public const string CompatibilityLevel = "compatibilityLevel";
    public const string Alias = "alias";
    public const string DefaultMetadata = "defaultMetadata";
    public const string OverrideMetadata = "overrideMetadata";
    public const string DefaultRuleSet = "defaultRuleSet";
    public const string OverrideRuleSet = "overrideRuleSet";

    public static readonly string[] All =
    [
        Alias, "normalize", "validateFields", "validateNewSchemas", "validateRules", CompatibilityLevel,
        "compatibilityPolicy", "compatibilityGroup", DefaultMetadata, OverrideMetadata, DefaultRuleSet,
        OverrideRuleSet, "aliasForDeks",
    ];

    /// <summary>Members a subject config takes from the global config when it lacks them.</summary>
    public static readonly string[] Inherited =
    [
        "normalize", "validateFields", "validateNewSchemas", "validateRules", "compatibilityPolicy", "compatibilityGroup",
    ];

    public static readonly string[] RuleSets = [DefaultRuleSet, OverrideRuleSet];
}
