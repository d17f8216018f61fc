namespace BulkWizard.Core.Cleanup.Impact;

/// <summary>What the impact check concluded for one subject. It never says "none" for what it did not see.</summary>
public enum ImpactVerdict
{
    /// <summary>Producers or consumers of the subject's topic, or its ids in retained data, were seen.</summary>
    Affected,

    /// <summary>The topic was checked and nothing that the cleanup would break was seen.</summary>
    NoneSeen,

    /// <summary>Not checked: no Kafka configured, Kafka unreachable, or no topic known for the subject; the reason says which.</summary>
    Unknown,
}
