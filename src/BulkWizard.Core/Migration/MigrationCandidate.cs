using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>One source subject the migration copies: where to, and its versions as they will be registered (references rewritten).</summary>
internal sealed record MigrationCandidate(QualifiedSubject Source, QualifiedSubject Target, IReadOnlyList<SchemaVersion> Copy)
{
    /// <summary>Versions already in the target exactly as copied: left alone.</summary>
    public IReadOnlySet<int> Identical { get; init; } = new HashSet<int>();

    public IEnumerable<SchemaVersion> ToImport => Copy.Where(v => !Identical.Contains(v.Version));
}
