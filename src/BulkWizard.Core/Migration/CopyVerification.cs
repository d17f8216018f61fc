using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// What a copy's read-back must show beyond version numbers and ids: the content the registry could have altered on
/// the way in. A registry can drop a rule set (the community edition keeps none) and still store the version under the
/// planned id and number, so a check by id alone would call that copy verified.
/// </summary>
internal static class CopyVerification
{
    /// <summary>
    /// Throws when a copied version was stored without the content it was sent with. <paramref name="exact"/>: the copy
    /// went through IMPORT, which merges no config metadata or rule set, so references, metadata and rule set must be
    /// stored as sent; otherwise the target may merge its defaults in, and only a rule set gone missing is wrong.
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
                    $"verification failed: version {version.Version} of {subject} (id {there.Id}) was stored with another {string.Join(", ", differences)} than copied" +
                    (differences.Contains("rule_set") && IsEmpty(there.RuleSet)
                        ? ": the registry dropped the rule set (a community-edition registry keeps none); migrate to a registry that keeps rule sets"
                        : "") + ".");
            }
        }
    }

    private static List<string> Differences(SchemaVersion sent, SchemaVersion stored, bool exact)
    {
        var differences = new List<string>();
        if (exact && !sent.References.SequenceEqual(stored.References))
        {
            differences.Add("references");
        }

        if (exact && !SameJson(sent.Metadata, stored.Metadata))
        {
            differences.Add("metadata");
        }

        if (exact ? !SameJson(sent.RuleSet, stored.RuleSet) : !IsEmpty(sent.RuleSet) && IsEmpty(stored.RuleSet))
        {
            differences.Add("rule_set");
        }

        return differences;
    }

    private static bool IsEmpty(JsonObject? json) => json is null || json.Count == 0;

    /// <summary>The registry omits empty members, so an absent object and an empty one are the same.</summary>
    private static bool SameJson(JsonObject? a, JsonObject? b) => (IsEmpty(a) && IsEmpty(b)) || JsonNode.DeepEquals(a, b);
}
