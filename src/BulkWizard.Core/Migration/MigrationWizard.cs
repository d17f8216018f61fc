using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Migration;

/// <summary>
/// The migration flow: "What kind of migration?", "Select schemas to migrate" (one context), "Where should they go?"
/// (the target registry for a cross-registry migration, and the target context), then "Migration options": ids
/// preserved, all versions, settings copied, and what happens to the source after a verified copy.
/// </summary>
internal sealed class MigrationWizard : IWizardDefinition
{
    public const string TargetStep = "migration_target";
    public const string OptionsStep = "migration_options";
    public const string ArchiveStep = "archive_options";

    public MigrationWizard(IRegistryGateway gateway, SelectionOptions options, IReadOnlyList<string> registries)
    {
        Selection = new SelectionSteps(gateway, options, "select_migration_schemas");
        Steps =
        [
            new(MigrationKeys.MigrationType, static (_, _) => ValueTask.FromResult(TypeQuestion())),
            .. Selection.Steps,
            new(TargetStep, (session, _) => ValueTask.FromResult(TargetQuestion(TypeOf(session), gateway.Registry.Name, registries))) { Applies = a => !Archiving(a) },
            new(OptionsStep, static (session, _) => ValueTask.FromResult(OptionsQuestion(TypeOf(session)))) { Applies = a => !Archiving(a) },
            new(ArchiveStep, static (_, _) => ValueTask.FromResult(ArchiveQuestion())) { Applies = Archiving },
        ];
    }

    public string OperationType => OperationTypes.Migration;

    public SelectionSteps Selection { get; }

    public IReadOnlyList<WizardStep> Steps { get; }

    private static MigrationType TypeOf(WizardSession session) =>
        MigrationTypes.Find(session.Answers.GetString(MigrationKeys.MigrationType)) ?? MigrationTypes.Context;

    private static bool Archiving(WizardAnswers answers) => MigrationTypes.Find(answers.GetString(MigrationKeys.MigrationType))?.Archives == true;

    private static Question ArchiveQuestion() => new(ArchiveStep, WizardTexts.Get("archive_options"),
    [
        new(MigrationKeys.KeepLast, FieldKind.Number, WizardTexts.Get("archive_keep_last")) { Minimum = 1, Maximum = int.MaxValue, WholeNumber = true, Default = 3 },
        new(MigrationKeys.OlderThan, FieldKind.Text, WizardTexts.Get("archive_older_than"))
        {
            Required = false,
            Rule = text => ArchiveCutoff.TryParse(text, out _) ? null : $"{MigrationKeys.OlderThan}: '{text}' is not a date: give an ISO 8601 date, e.g. 2026-06-30.",
        },
        new(MigrationKeys.SourceAfter, FieldKind.Choice, WizardTexts.Get("archive_source_after"))
        {
            Options = [.. new[] { MigrationKeys.SoftDelete, MigrationKeys.PermanentDelete }.Select(v => new ChoiceOption(v, WizardTexts.Get("migration_source_" + v)))],
            Default = MigrationKeys.SoftDelete,
        },
    ]);

    private static Question TypeQuestion() => new(
        MigrationKeys.MigrationType,
        WizardTexts.Get("migration_type"),
        new Field(MigrationKeys.MigrationType, FieldKind.Choice, "Migration") { Options = [.. MigrationTypes.All.Select(t => t.Option)] });

    private static Question TargetQuestion(MigrationType type, string source, IReadOnlyList<string> registries)
    {
        var fields = new List<Field>();
        if (type.ToAnotherRegistry)
        {
            fields.Add(new(MigrationKeys.TargetRegistry, FieldKind.Choice, WizardTexts.Get("migration_target_registry"))
            {
                Options = [.. registries.Where(r => !string.Equals(r, source, StringComparison.OrdinalIgnoreCase)).Select(r => new ChoiceOption(r, r))],
            });
        }

        fields.Add(new(MigrationKeys.TargetContext, FieldKind.Text, WizardTexts.Get("migration_target_context"))
        {
            Rule = text => MigrationContexts.IsValid(text) ? null : $"{MigrationKeys.TargetContext}: '{text}' is not a context: give '.' or a name such as .prod.",
            Default = type.ToAnotherRegistry ? QualifiedSubject.DefaultContext : null,
        });
        return new Question(TargetStep, WizardTexts.Get("migration_target"), fields);
    }

    private static Question OptionsQuestion(MigrationType type) => new(OptionsStep, WizardTexts.Get("migration_options"),
    [
        new(MigrationKeys.PreserveIds, FieldKind.Boolean, WizardTexts.Get("migration_preserve_ids")) { Default = true },
        new(MigrationKeys.AllVersions, FieldKind.Boolean, WizardTexts.Get("migration_all_versions")) { Default = true },
        new(MigrationKeys.CopySettings, FieldKind.Boolean, WizardTexts.Get("migration_copy_settings")) { Default = true },
        new(MigrationKeys.SourceAfter, FieldKind.Choice, WizardTexts.Get("migration_source_after"))
        {
            Options = [.. MigrationKeys.SourceAfterValues.Select(v => new ChoiceOption(v, WizardTexts.Get("migration_source_" + v)))],
            Default = type.DefaultSourceAfter,
        },
    ]);
}
