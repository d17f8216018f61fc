using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration.Compare;

/// <summary>What differs between a source version and a target version, in <see cref="Difference"/> order.</summary>
internal static class VersionDifferences
{
    public static List<Difference> Between(SideVersion source, SideVersion target)
    {
        var (s, t) = (source.Registered, target.Registered);
        var differences = new List<Difference>();
        Add(differences, Difference.Schema, s.SchemaType != t.SchemaType || s.Schema != t.Schema);
        Add(differences, Difference.Id, s.Id != t.Id);
        Add(differences, Difference.References, !source.References.SequenceEqual(target.References));
        Add(differences, Difference.Metadata, !SameJson(s.Metadata, t.Metadata));
        Add(differences, Difference.RuleSet, !SameJson(s.RuleSet, t.RuleSet));
        Add(differences, Difference.SchemaGuid, s.SchemaGuid is not null && t.SchemaGuid is not null && s.SchemaGuid != t.SchemaGuid && SameReferencesAsWritten(s, t));
        Add(differences, Difference.Deleted, s.Deleted is { } sd && t.Deleted is { } td && sd != td);
        Add(differences, Difference.Version, s.Version != t.Version);
        return differences;
    }

    /// <summary>
    /// The guid hashes the references as written, so a copy whose qualified references were rewritten for its new
    /// context (<c>:.src:common</c> → <c>:.dst:common</c>) has another guid by construction: that says nothing more.
    /// </summary>
    private static bool SameReferencesAsWritten(SchemaVersion s, SchemaVersion t) => s.References.SequenceEqual(t.References);

    private static void Add(List<Difference> differences, Difference difference, bool differs)
    {
        if (differs)
        {
            differences.Add(difference);
        }
    }

    /// <summary>The registry omits empty members, so an absent object and an empty one are the same; property order does not matter.</summary>
    private static bool SameJson(JsonObject? a, JsonObject? b) =>
        ((a is null || a.Count == 0) && (b is null || b.Count == 0)) || JsonNode.DeepEquals(a, b);
}
