using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Migration;

/// <summary>One kind of migration: its option in "What kind of migration?", what it cannot plan without, and its defaults.</summary>
internal sealed record MigrationType(string Value, string TitleKey, string DescriptionKey)
{
    /// <summary>For planning from arguments alone: the first argument this type needs and lacks; null when complete.</summary>
    public Func<MigrationArguments, string?> Missing { get; init; } = static _ => null;

    /// <summary>What happens to the source after a verified copy unless <c>source_after</c> says otherwise.</summary>
    public required string DefaultSourceAfter { get; init; }

    /// <summary>The target is another registry (asked for); otherwise the source registry.</summary>
    public bool ToAnotherRegistry { get; init; }

    /// <summary>Old versions go to an archive (the run's backup, kept under <c>archives/</c>) and are deleted; no target.</summary>
    public bool Archives { get; init; }

    public ChoiceOption Option => new(Value, WizardTexts.Get(TitleKey), WizardTexts.Get(DescriptionKey));
}
