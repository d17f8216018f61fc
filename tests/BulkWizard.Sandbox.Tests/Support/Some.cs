namespace BulkWizard.Sandbox.Tests.Support;

/// <summary>Unique names, so tests sharing a Sandbox never see each other's subjects.</summary>
public static class Some
{
    private static int counter;

    public static string Subject(string hint) => $"{hint}-{Interlocked.Increment(ref counter):0000}";

    public static string RecordName(string hint) => "R" + hint.Replace("-", "_", StringComparison.Ordinal) + Interlocked.Increment(ref counter);

    public static string Context(string hint) => $".{hint}{Interlocked.Increment(ref counter)}";
}
