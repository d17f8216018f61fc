using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// The seed's schema update flow: "Select schemas to update", "What would you like to update?",
/// "Select new compatibility level". Naming conventions and metadata updates are listed and refused
/// with a clear message until they are built.
/// </summary>
public sealed class SchemaUpdateWizard : IWizardDefinition
{
    public SchemaUpdateWizard(IRegistryGateway gateway, SelectionOptions options)
    {
        Selection = new SelectionSteps(gateway, options, "select_schemas");
        Steps =
        [
            .. Selection.Steps,
            new(SchemaUpdateKeys.UpdateType, static (_, _) => ValueTask.FromResult(UpdateTypeQuestion())),
            new(SchemaUpdateKeys.Compatibility, static (_, _) => ValueTask.FromResult(LevelQuestion()))
            {
                Applies = a => a.GetString(SchemaUpdateKeys.UpdateType) == SchemaUpdateKeys.CompatibilityUpdate,
            },
        ];
    }

    public string OperationType => CompatibilityPlanner.OperationType;

    public SelectionSteps Selection { get; }

    public IReadOnlyList<WizardStep> Steps { get; }

    private static Question UpdateTypeQuestion() => new(
        SchemaUpdateKeys.UpdateType,
        WizardTexts.Get("update_type"),
        new Field(SchemaUpdateKeys.UpdateType, FieldKind.Choice, "Update")
        {
            Options =
            [
                new(SchemaUpdateKeys.CompatibilityUpdate, WizardTexts.Get("update_compatibility")),
                new(SchemaUpdateKeys.NamingUpdate, WizardTexts.Get("update_naming"), WizardTexts.Get("update_naming_description")),
                new(SchemaUpdateKeys.MetadataUpdate, WizardTexts.Get("update_metadata"), WizardTexts.Get("update_metadata_description")),
            ],
            Rule = type => type == SchemaUpdateKeys.CompatibilityUpdate
                ? null
                : $"update_type: '{type}' is not available yet; this version updates compatibility settings only.",
        });

    private static Question LevelQuestion() => new(
        SchemaUpdateKeys.Compatibility,
        WizardTexts.Get("select_compatibility"),
        new Field(SchemaUpdateKeys.Compatibility, FieldKind.Choice, "Compatibility level")
        {
            Options = [.. Enum.GetValues<CompatibilityLevel>().Select(l => new ChoiceOption(l.Format(), l.Format()))],
        });
}
