using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Migration.Compare;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// What a copy's read-back must show beyond version numbers and ids: each copied version compared with what the target
/// stored by the comparison <c>compare_registries</c> reports (<see cref="VersionDifferences"/>: schema text and type,
/// id, references, metadata, rule set, deleted), per subject, so the verification costs one read of each copied subject.
/// A registry can alter a version on the way in (drop a rule set, as the community edition does, or store other text)
/// and still keep it under the planned id and number, so a check by id alone would call that copy verified.
/// </summary>
internal static class CopyVerification
{
    /// <summary>
    /// Throws when a copied version was stored otherwise than it was sent, naming what differs as compare_registries
    /// names it. <paramref name="exact"/>: the copy went through IMPORT, which merges no config metadata or rule set, so
    /// everything compared must be stored as sent; otherwise the target assigned the id and may merge its defaults in,
    /// so the id and the metadata are not compared, and of the rule set only one gone missing is wrong.
    /// </summary>
    public static void Check(string subject, IEnumerable<SchemaVersion> sent, IReadOnlyList<SchemaVersion> stored, bool exact)
    {
        var byNumber = stored.ToDictionary(v => v.Version);
        foreach (var version in sent)
        {
            if (!byNumber.TryGetValue(version.Version, out var there))
            {
                continue; // Missing versions show in the comparison of numbers and ids that follows.
            }

            var differences = Differences(version, there, exact);
            if (differences.Count > 0)
            {
                throw new InvalidOperationException(
                    $"verification failed: version {version.Version} of {subject} (id {there.Id}) was stored with another {string.Join(", ", differences.Select(Name))} than copied" +
                    (differences.Contains(Difference.RuleSet) && IsEmpty(there.RuleSet)
                        ? ": the registry dropped the rule set (a community-edition registry keeps none); migrate to a registry that keeps rule sets"
                        : "") + ".");
            }
        }
    }

    /// <summary>A difference as compare_registries writes it (<c>schema</c>, <c>rule_set</c>, <c>guid</c>, …).</summary>
    public static string Name(Difference difference) =>
        typeof(Difference).GetField(difference.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(difference.ToString());

    private static List<Difference> Differences(SchemaVersion sent, SchemaVersion stored, bool exact)
    {
        // The sent version carries the source's guid, a hash over the references as the source wrote them; the copy's
        // references may be rewritten for the target, and the guid hashes nothing the comparison does not compare.
        var differences = VersionDifferences.Between(SideVersion.Of(sent with { SchemaGuid = null }), SideVersion.Of(stored));
        if (!exact)
        {
            differences.RemoveAll(d => d is Difference.Id or Difference.Metadata);
            if (IsEmpty(sent.RuleSet) || !IsEmpty(stored.RuleSet))
            {
                differences.Remove(Difference.RuleSet);
            }
        }

        return differences;
    }

    private static bool IsEmpty(JsonObject? json) => json is null || json.Count == 0;
}
