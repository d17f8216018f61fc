using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Operations;

/// <summary>The seed's four operation types, in its order, with the texts the first question shows.</summary>
public static class OperationTypes
{
    public const string Key = "operation_type";
    public const string SchemaUpdate = "schema_update";
    public const string Migration = "migration";
    public const string Cleanup = "cleanup";
    public const string Configuration = "configuration";

    public static IReadOnlyList<string> All { get; } = [SchemaUpdate, Migration, Cleanup, Configuration];

    public static string Title(string type) => WizardTexts.Get("operation_" + type);

    public static string Description(string type) => WizardTexts.Get("operation_" + type + "_description");
}
