using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Inventory;

/// <summary>What the cleanup needs of one version: number, id, deleted flag and the versions it references.</summary>
internal sealed record VersionFacts(int Version, int Id, bool Deleted, IReadOnlyList<VersionKey> References)
{
    /// <summary>The time of the version's last write (8.0 and later: a soft delete, an import or a restore resets it); null before 8.0.</summary>
    public DateTimeOffset? WrittenAt { get; init; }
}

/// <summary>One version of one subject, as a dictionary key.</summary>
internal readonly record struct VersionKey(QualifiedSubject Subject, int Version)
{
    public override string ToString() => $"{Subject} version {Version}";
}
