namespace BulkWizard.Core.Registry;

/// <summary>What <c>GET /v1/metadata/version</c> answered; both null when the registry does not tell.</summary>
public sealed record ServerVersion(string? Version, string? CommitId)
{
    public static ServerVersion Unknown { get; } = new(null, null);
}
