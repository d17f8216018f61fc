using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Restore;

/// <summary>
/// What it takes to bring a subject from its live state to a backed-up one: versions to register again in IMPORT
/// (missing, or soft-deleted where the backup has them live), versions to soft-delete again, versions to remove,
/// and whether config and mode differ.
/// </summary>
internal sealed record RestoreWork(
    IReadOnlyList<SchemaVersion> Import,
    IReadOnlyList<int> SoftDelete,
    IReadOnlyList<int> Remove,
    bool ConfigDiffers,
    bool ModeDiffers)
{
    /// <param name="remove">Versions to take away entirely (an undo removing what a restore registered); only those present count.</param>
    public static RestoreWork Of(SubjectSnapshot live, SubjectBackup target, IReadOnlyCollection<int> remove)
    {
        var import = target.Versions
            .Where(v => live.Find(v.Version) is not { } found || (!(v.Deleted ?? false) && found.Deleted))
            .OrderBy(v => v.Version)
            .ToList();
        var softDelete = target.Versions
            .Where(v => (v.Deleted ?? false) && live.Find(v.Version) is not { Deleted: true })
            .Select(v => v.Version)
            .Order()
            .ToList();
        var removals = remove.Where(n => live.Find(n) is not null).OrderDescending().ToList();
        return new RestoreWork(import, softDelete, removals, !JsonNode.DeepEquals(live.Config, target.Config), live.Mode != target.Mode);
    }

    public bool NeedsImport => Import.Count > 0;

    /// <summary>Writes other than the mode itself, which a read-only subject would refuse.</summary>
    public bool WritesBesidesMode => NeedsImport || SoftDelete.Count > 0 || Remove.Count > 0 || ConfigDiffers;

    public bool IsEmpty => !WritesBesidesMode && !ModeDiffers;

    /// <summary>
    /// Why restoring <paramref name="target"/> over <paramref name="live"/> is refused: a version number the backup
    /// holds now belongs to another schema (another id); null when none does.
    /// </summary>
    public static string? VersionConflict(string subject, SubjectSnapshot live, SubjectBackup target)
    {
        var taken = target.Versions
            .Select(v => (Backed: v, Live: live.Find(v.Version)))
            .Where(p => p.Live is not null && p.Live.Id != p.Backed.Id)
            .ToList();
        return taken.Count == 0
            ? null
            : $"{subject}: " + string.Join("; ", taken.Select(p => $"version {p.Backed.Version} now holds schema id {p.Live!.Id}, the backup has id {p.Backed.Id}")) +
              ". Restoring would overwrite another schema, so it is refused; delete or move that version first.";
    }

    /// <summary>A short account of the work, for previews and results.</summary>
    public string Describe(SubjectSnapshot live, SubjectBackup target)
    {
        var parts = new List<string>();
        if (NeedsImport)
        {
            parts.Add($"re-register version(s) {string.Join(", ", Import.Select(v => $"{v.Version} (id {v.Id})"))} in IMPORT mode");
        }

        if (SoftDelete.Count > 0)
        {
            parts.Add($"soft-delete version(s) {string.Join(", ", SoftDelete)} again");
        }

        if (Remove.Count > 0)
        {
            parts.Add($"remove version(s) {string.Join(", ", Remove)}");
        }

        if (ConfigDiffers)
        {
            parts.Add($"config {live.Config?.ToJsonString() ?? "(none)"} → {target.Config?.ToJsonString() ?? "(none)"}");
        }

        if (ModeDiffers)
        {
            parts.Add($"mode {live.Mode ?? "(none)"} → {target.Mode ?? "(none)"}");
        }

        return parts.Count == 0 ? "nothing to do" : string.Join(", ", parts);
    }
}
