namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>Every client test runs on the SDK client's default revision (native round trips) and pinned to 2025-11-25.</summary>
public static class ProtocolRevisions
{
    public const string Pinned = "2025-11-25";

    public static TheoryData<string?> Both => new() { (string?)null, Pinned };
}
