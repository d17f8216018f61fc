using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// The seed's schema update flow: "Select schemas to update", "What would you like to update?", then the
/// questions of the chosen update type (<see cref="SchemaUpdateTypes"/>): the compatibility level, the naming
/// convention, or the metadata change.
/// </summary>
internal sealed class SchemaUpdateWizard : IWizardDefinition
{
    public SchemaUpdateWizard(IRegistryGateway gateway, SelectionOptions options)
    {
        Selection = new SelectionSteps(gateway, options, "select_schemas");
        Steps =
        [
            .. Selection.Steps,
            new(SchemaUpdateKeys.UpdateType, static (_, _) => ValueTask.FromResult(UpdateTypeQuestion())),
            .. SchemaUpdateTypes.All.SelectMany(type => type.Steps(a => a.GetString(SchemaUpdateKeys.UpdateType) == type.Value)),
        ];
    }

    public string OperationType => CompatibilityPlanner.OperationType;

    public SelectionSteps Selection { get; }

    public IReadOnlyList<WizardStep> Steps { get; }

    private static Question UpdateTypeQuestion() => new(
        SchemaUpdateKeys.UpdateType,
        WizardTexts.Get("update_type"),
        new Field(SchemaUpdateKeys.UpdateType, FieldKind.Choice, "Update") { Options = [.. SchemaUpdateTypes.All.Select(t => t.Option)] });
}
