namespace BulkWizard.Core.Wizard;

/// <summary>An answer or argument was refused; the message names the field and what is allowed. Nothing changed.</summary>
public sealed class WizardInputException(string message) : Exception(message);
