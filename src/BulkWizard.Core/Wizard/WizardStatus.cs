namespace BulkWizard.Core.Wizard;

public enum WizardStatus
{
    /// <summary>Questions remain, or the plan awaits its preview and confirmation.</summary>
    Asking,

    /// <summary>Every question is answered and a plan exists.</summary>
    Planned,

    /// <summary>Ended by the user (cancel or decline) with nothing changed.</summary>
    Cancelled,

    /// <summary>The plan was confirmed and handed to the executor.</summary>
    Confirmed,
}
