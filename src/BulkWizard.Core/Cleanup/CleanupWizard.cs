using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// The seed's cleanup flow: "What type of cleanup?", "Select schemas to clean up" (test and deprecated cleanups
/// select their own subjects unless a pattern narrows them), then "Cleanup options": permanent delete, the versions
/// to keep (old versions), removal of emptied contexts, and the backup, which is always taken. The impact check
/// and the final confirmation follow as review questions about the plan (<see cref="ImpactReview"/>).
/// </summary>
internal sealed class CleanupWizard : IWizardDefinition
{
    public const string OptionsStep = "cleanup_options";

    public CleanupWizard(IRegistryGateway gateway, SelectionOptions options)
    {
        Selection = new SelectionSteps(gateway, options, "select_cleanup_schemas");
        Steps =
        [
            new(CleanupKeys.CleanupType, static (_, _) => ValueTask.FromResult(TypeQuestion())),
            .. Selection.Steps,
            new(OptionsStep, static (session, _) => ValueTask.FromResult(OptionsQuestion(CleanupTypes.Find(session.Answers.GetString(CleanupKeys.CleanupType))))),
        ];
    }

    public string OperationType => OperationTypes.Cleanup;

    public SelectionSteps Selection { get; }

    public IReadOnlyList<WizardStep> Steps { get; }

    private static Question TypeQuestion() => new(
        CleanupKeys.CleanupType,
        WizardTexts.Get("cleanup_type"),
        new Field(CleanupKeys.CleanupType, FieldKind.Choice, "Cleanup") { Options = [.. CleanupTypes.All.Select(t => t.Option)] });

    private static Question OptionsQuestion(CleanupType? type)
    {
        var fields = new List<Field>
        {
            new(CleanupKeys.Permanent, FieldKind.Boolean, WizardTexts.Get("cleanup_permanent"))
            {
                Description = WizardTexts.Get("cleanup_permanent_description"),
                Default = false,
            },
        };
        if (type?.KeepsNewest == true)
        {
            fields.Add(new(CleanupKeys.KeepLast, FieldKind.Number, WizardTexts.Get("cleanup_keep_last")) { Minimum = 1, Maximum = int.MaxValue, WholeNumber = true, Default = 3 });
        }

        fields.Add(new(CleanupKeys.RemoveEmptyContext, FieldKind.Boolean, WizardTexts.Get("cleanup_remove_empty_context"))
        {
            Description = WizardTexts.Get("cleanup_remove_empty_context_description"),
            Default = false,
        });
        fields.Add(new(CleanupKeys.RemoveDanglingAliases, FieldKind.Boolean, WizardTexts.Get("cleanup_remove_dangling_aliases"))
        {
            Description = WizardTexts.Get("cleanup_remove_dangling_aliases_description"),
            Default = false,
        });
        fields.Add(new(CleanupKeys.CreateBackup, FieldKind.Choice, WizardTexts.Get("cleanup_backup"))
        {
            Options = [new(CleanupKeys.BackupAlways, WizardTexts.Get("cleanup_backup_yes"))],
            Default = CleanupKeys.BackupAlways,
        });
        return new Question(OptionsStep, WizardTexts.Get("cleanup_options"), fields);
    }
}
