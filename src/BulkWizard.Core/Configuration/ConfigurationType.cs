using BulkWizard.Core.Plans;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// One kind of configuration, everything about it in one entry: its option in "What would you like to configure?", its
/// options question (given the chosen scope), what it cannot plan without, and its planner.
/// </summary>
internal sealed record ConfigurationType(string Value, string TitleKey, string DescriptionKey)
{
    /// <summary>The question after the scope (and selection), given the chosen scope.</summary>
    public required Func<string?, Question> Question { get; init; }

    /// <summary>For planning from arguments alone: the first argument this type needs and lacks; null when complete.</summary>
    public Func<ConfigurationArguments, string?> Missing { get; init; } = static _ => null;

    /// <summary>The arguments that belong to this type only (refused with another type).</summary>
    public IReadOnlyList<string> OwnArguments { get; init; } = [];

    public required Func<ConfigurationPlanning, CancellationToken, Task<OperationPlan>> PlanAsync { get; init; }

    public ChoiceOption Option => new(Value, WizardTexts.Get(TitleKey), WizardTexts.Get(DescriptionKey));
}
