using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// The seed's schema update flow: "Select schemas to update", "What would you like to update?",
/// "Select new compatibility level"; or the naming convention, or the metadata change.
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
            .. NamingSteps.For(a => a.GetString(SchemaUpdateKeys.UpdateType) == SchemaUpdateKeys.NamingUpdate),
            .. MetadataSteps.For(a => a.GetString(SchemaUpdateKeys.UpdateType) == SchemaUpdateKeys.MetadataUpdate),
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
        });

    private static Question LevelQuestion() => new(
        SchemaUpdateKeys.Compatibility,
        WizardTexts.Get("select_compatibility"),
        new Field(SchemaUpdateKeys.Compatibility, FieldKind.Choice, "Compatibility level")
        {
            Options = [.. Enum.GetValues<CompatibilityLevel>().Select(l => new ChoiceOption(l.Format(), l.Format()))],
        });
}
