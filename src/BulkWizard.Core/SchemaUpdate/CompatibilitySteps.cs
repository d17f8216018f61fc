using BulkWizard.Compatibility;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>The question of a compatibility update: "Select new compatibility level", all seven levels.</summary>
internal static class CompatibilitySteps
{
    /// <summary>Every level in the registry's spelling, in the order the question lists them.</summary>
    public static IReadOnlyList<string> Levels { get; } = [.. Enum.GetValues<CompatibilityLevel>().Select(l => l.Format())];

    public static IReadOnlyList<WizardStep> For(Func<WizardAnswers, bool> applies) =>
    [
        new(SchemaUpdateKeys.Compatibility, static (_, _) => ValueTask.FromResult(LevelQuestion())) { Applies = applies },
    ];

    private static Question LevelQuestion() => new(
        SchemaUpdateKeys.Compatibility,
        WizardTexts.Get("select_compatibility"),
        new Field(SchemaUpdateKeys.Compatibility, FieldKind.Choice, "Compatibility level")
        {
            Options = [.. Levels.Select(l => new ChoiceOption(l, l))],
        });
}
