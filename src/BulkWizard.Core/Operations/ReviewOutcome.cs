namespace BulkWizard.Core.Operations;

/// <summary>What a review answer means for the plan.</summary>
public enum ReviewOutcome
{
    /// <summary>Go on to the next review step or the confirmation, with the plan as it is or as replaced.</summary>
    Continue,

    /// <summary>The person chose to stop: the wizard ends as cancelled, nothing changed.</summary>
    Cancel,

    /// <summary>The plan must not run as it is: the wizard ends as refused, with the reason.</summary>
    Refuse,
}
