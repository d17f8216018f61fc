namespace BulkWizard.Core.Wizard;

/// <summary>
/// One step of a wizard: when it applies given the answers so far, and how to build its question
/// (which may read the registry, e.g. to count the subjects each pattern selects).
/// </summary>
public sealed record WizardStep(string Id, Func<WizardSession, CancellationToken, ValueTask<Question>> AskAsync)
{
    /// <summary>The rule for reaching this step; steps whose rule fails are passed over.</summary>
    public Func<WizardAnswers, bool> Applies { get; init; } = static _ => true;
}
