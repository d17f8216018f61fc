namespace BulkWizard.Core.Wizard;

/// <summary>
/// What the wizard asks in one round: a message and one or more fields. It becomes one elicitation
/// form, or one <c>needs_input</c> answer for clients without forms.
/// </summary>
public sealed record Question(string StepId, string Message, IReadOnlyList<Field> Fields)
{
    public Question(string stepId, string message, Field field)
        : this(stepId, message, [field])
    {
    }
}
