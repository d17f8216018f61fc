namespace BulkWizard.Core.SchemaUpdate;

public static class SchemaUpdateKeys
{
    public const string UpdateType = "update_type";
    public const string Compatibility = "compatibility";

    public const string CompatibilityUpdate = "compatibility";
    public const string NamingUpdate = "naming";
    public const string MetadataUpdate = "metadata";
}
