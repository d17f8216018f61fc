namespace BulkWizard.Core.SchemaUpdate;

/// <summary>The answer keys and values of the schema update steps.</summary>
internal static class SchemaUpdateKeys
{
    public const string UpdateType = "update_type";
    public const string Compatibility = "compatibility";
    public const string Convention = "naming_convention";
    public const string Prefix = "naming_prefix";
    public const string Context = "naming_context";
    public const string MetadataTarget = "metadata_target";
    public const string MetadataAction = "metadata_action";
    public const string MetadataKey = "metadata_key";
    public const string MetadataValue = "metadata_value";

    public const string CompatibilityUpdate = "compatibility";
    public const string NamingUpdate = "naming";
    public const string MetadataUpdate = "metadata";

    public const string PrefixConvention = "prefix";
    public const string ContextConvention = "context";

    public const string SetProperty = "set_property";
    public const string RemoveProperty = "remove_property";
    public const string SetTags = "set_tags";
    public const string RemoveTags = "remove_tags";
}
