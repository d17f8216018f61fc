using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// Finds out, before any copy that carries a rule set, whether the target keeps rule sets: the community edition drops
/// them without an error, and nothing in its API tells it apart otherwise. It sets a rule set on the config of a
/// reserved subject that has none, reads it back, and removes it again. The copies that carry rule sets require this
/// change, so on a registry that drops them they are not run and nothing of theirs is written.
/// </summary>
/// <param name="Subject">The reserved subject in the target context (<see cref="ProbeName"/>).</param>
/// <param name="CarryingVersions">How many copied versions carry a rule set, for the preview and the refusal.</param>
[ChangeKind("rule_set_probe")]
internal sealed record RuleSetProbeChange(string Subject, int CarryingVersions) : PlannedChange(Subject)
{
    public const string ProbeName = ReservedSubjects.RuleSetProbe;

    /// <summary>Below every copy, so it runs first.</summary>
    public const int Rank = -1;

    private static readonly JsonObject ProbeRuleSet = new()
    {
        ["domainRules"] = new JsonArray(new JsonObject
        {
            ["name"] = "bulkwizard_rule_set_probe", ["kind"] = "CONDITION", ["mode"] = "WRITE", ["type"] = "CEL", ["expr"] = "true",
        }),
    };

    [JsonIgnore]
    public override bool IsDestructive => false;

    [JsonIgnore]
    public override bool IsPreparation => true;

    [JsonIgnore]
    public override ScopeParts Touches => ScopeParts.Config;

    /// <summary>The reserved subject has no config before and none after.</summary>
    [JsonIgnore]
    public override JsonNode? Before => null;

    [JsonIgnore]
    public override JsonNode? After => null;

    [JsonIgnore]
    public override (int Rank, int Version) UndoOrder => (Rank, 0);

    public override string Describe() =>
        $"check that the target{(Registry is null ? "" : $" (registry '{Registry}')")} keeps rule sets before copying the {CarryingVersions} version(s) that carry one: " +
        $"set a rule set on the config of {Subject}, read it back, remove it";

    public override async Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        (await gateway.GetConfigAsync(Scope, cancellationToken))?.Fields;

    public override async Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        RegistryConfig? stored;
        try
        {
            await gateway.PutConfigAsync(Scope, new RegistryConfig(new JsonObject { ["defaultRuleSet"] = ProbeRuleSet.DeepClone() }), cancellationToken);
            stored = await gateway.GetConfigAsync(Scope, cancellationToken);
        }
        finally
        {
            await gateway.DeleteConfigAsync(Scope, cancellationToken);
        }

        if (stored?.Fields["defaultRuleSet"] is not JsonObject { Count: > 0 })
        {
            throw new InvalidOperationException(
                $"registry '{gateway.Registry.Name}' dropped the rule set it was given: it keeps no rule sets (the community edition drops them), so the " +
                $"{CarryingVersions} copied version(s) that carry one are not copied. Migrate them to a registry that keeps rule sets " +
                "(Confluent Platform Enterprise or Cloud), or remove their rule sets in the source first.");
        }
    }

    /// <summary>The probe removes its own config; this only clears one left by a run that stopped half-way.</summary>
    public override async Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        await gateway.DeleteConfigAsync(Scope, cancellationToken);
    }
}
