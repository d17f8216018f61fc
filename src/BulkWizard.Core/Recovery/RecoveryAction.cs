namespace BulkWizard.Core.Recovery;

/// <summary>What <c>recover_operation</c> plans for an interrupted run.</summary>
public static class RecoveryAction
{
    /// <summary>Put every subject the run wrote back as its backup holds it.</summary>
    public const string Rollback = "rollback";

    /// <summary>Run what the run had not done yet.</summary>
    public const string Resume = "resume";

    public static IReadOnlyList<string> Values { get; } = [Rollback, Resume];

    /// <summary>The key of a recovery plan's answers naming the run it recovers: the run is marked recovered when the plan completes.</summary>
    public const string RecoversKey = "recovers_operation";
}
