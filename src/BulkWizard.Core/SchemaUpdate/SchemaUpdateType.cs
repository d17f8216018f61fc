using BulkWizard.Core.Plans;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// One kind of schema update, everything about it in one entry: its option in "What would you like to update?",
/// the questions that follow that choice, the argument it cannot plan without, and its planner.
/// </summary>
internal sealed record SchemaUpdateType(string Value, string TitleKey, string? DescriptionKey = null)
{
    /// <summary>The questions asked after this type is chosen; <c>applies</c> is the rule "this type was chosen".</summary>
    public Func<Func<WizardAnswers, bool>, IReadOnlyList<WizardStep>> Steps { get; init; } = static _ => [];

    /// <summary>For planning from arguments alone: the first argument this type needs and lacks, with what to give; null when complete.</summary>
    public Func<SchemaUpdateArguments, string?> Missing { get; init; } = static _ => null;

    public required Func<SchemaUpdatePlanning, CancellationToken, Task<OperationPlan>> PlanAsync { get; init; }

    public ChoiceOption Option => new(Value, WizardTexts.Get(TitleKey), DescriptionKey is null ? null : WizardTexts.Get(DescriptionKey));
}
