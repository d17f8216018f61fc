using BulkWizard.Core.Inventory;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// Which versions of each source subject are copied (all or the latest live one; soft-deleted ones only with
/// <c>include_deleted</c>), and the number each gets in the target when ids are not preserved: 1, 2, … in order.
/// </summary>
internal sealed class CopyNumbering(RegistryVersions source, MigrationRequest request, bool includeDeleted)
{
    private readonly Dictionary<QualifiedSubject, CopiedVersions> _bySubject = [];

    public CopiedVersions Copied(QualifiedSubject subject)
    {
        if (_bySubject.TryGetValue(subject, out var known))
        {
            return known;
        }

        var versions = source.VersionsOf(subject).Where(v => includeDeleted || !v.Deleted).OrderBy(v => v.Version).ToList();
        if (!request.AllVersions)
        {
            versions = [.. versions.Where(v => !v.Deleted).TakeLast(1)];
        }

        return _bySubject[subject] = new CopiedVersions(versions);
    }

    /// <summary>The target number of a copied source version when ids are not preserved; null when it is not copied.</summary>
    public int? NumberOf(QualifiedSubject subject, int version) =>
        Copied(subject).ContainsKey(version) ? Copied(subject)[version] : null;
}

/// <summary>One subject's copied versions: the target number of each (its position, from 1) and its deleted flag.</summary>
internal sealed class CopiedVersions(IReadOnlyList<VersionFacts> versions)
{
    private readonly Dictionary<int, (int Number, bool Deleted)> _byVersion =
        versions.Select((v, i) => (v.Version, Number: i + 1, v.Deleted)).ToDictionary(v => v.Version, v => (v.Number, v.Deleted));

    public bool ContainsKey(int version) => _byVersion.ContainsKey(version);

    public int this[int version] => _byVersion[version].Number;

    public bool Deleted(int version) => _byVersion[version].Deleted;
}
