namespace BulkWizard.Core.Registry;

/// <summary>Whether a write took effect.</summary>
public enum WriteOutcome
{
    /// <summary>The registry confirmed it, or a re-read shows its effect.</summary>
    Applied,

    /// <summary>The request failed in transit and a re-read shows no effect: it is safe to try again.</summary>
    NotApplied,

    /// <summary>The request failed in transit and the re-read could not tell (or failed too).</summary>
    Unknown,
}
