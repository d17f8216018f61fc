namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>The rule names violations carry: the members of the rules file, a required property as <c>required_properties.owner</c>.</summary>
public static class ComplianceRuleNames
{
    public const string Compatibility = "compatibility";
    public const string Normalize = "normalize";
    public const string ValidateFields = "validate_fields";
    public const string RequiredProperties = "required_properties";

    public static string RequiredProperty(string key) => $"{RequiredProperties}.{key}";
}
