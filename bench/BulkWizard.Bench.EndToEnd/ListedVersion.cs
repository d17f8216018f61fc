namespace BulkWizard.Bench.EndToEnd;

/// <summary>One version as <c>GET /schemas?deleted=true</c> lists it.</summary>
internal sealed record ListedVersion(int Version, int Id, bool Deleted, string Schema);
