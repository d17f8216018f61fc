using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Backups;

/// <summary>
/// What is needed to put one subject (or a context's or the global scope, <c>:.ctx:</c> or empty) back: the
/// parts in <see cref="Captured"/>. Versions: every version, soft-deleted ones included, with schema, type,
/// references, id, version, metadata, rule set and deleted flag. Config and mode: the scope's own, as read
/// without <c>defaultToGlobal</c> (null: none was set, the scope inherited).
/// </summary>
/// <param name="Subject">The qualified subject, <c>:.ctx:</c> for a context's own settings, or empty for the global ones.</param>
public sealed record SubjectBackup(string Subject, IReadOnlyList<SchemaVersion> Versions, JsonObject? Config, string? Mode)
{
    /// <summary>The parts read; absent in backups written before parts were recorded, which captured everything.</summary>
    public ScopeParts Captured { get; init; } = ScopeParts.All;

    /// <summary>The registry read, when it is not the backup's own (a plan that writes to two registries).</summary>
    public string? Registry { get; init; }

    /// <summary>True when every part <paramref name="parts"/> names was captured.</summary>
    public bool Holds(ScopeParts parts) => (Captured & parts) == parts;
}
