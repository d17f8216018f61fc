using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>
/// Makes <see cref="PlannedChange.Subject"/> (the conforming name) an alias of an existing subject:
/// <c>PUT /config/{alias} {"alias": target}</c>, after which every <c>/subjects/{alias}/…</c> request — reads,
/// registrations and deletes — goes to the target. Before is the alias name's own config (null: none); undo deletes
/// the alias config, or puts the exact earlier body back.
/// </summary>
/// <param name="TargetSubject">The existing subject, qualified.</param>
/// <param name="WrittenTarget">The <c>alias</c> value as written: unqualified within one context (see <see cref="TargetAsWritten"/>).</param>
[ChangeKind(KindName)]
internal sealed record SubjectAliasChange(string Subject, string TargetSubject, string WrittenTarget, JsonObject? BeforeConfig)
    : PlannedChange(Subject)
{
    public const string KindName = "subject_alias";

    /// <summary>
    /// The registry reports a level on every subject config, even one stored without it (spec §7: the server default),
    /// a value not known when planning. An alias name's level never applies (its subject requests go to the target),
    /// so the state compared is the config without it.
    /// </summary>
    private const string IgnoredField = "compatibility";

    public override bool IsDestructive => false;

    public override JsonNode? Before => Comparable(BeforeConfig);

    public override JsonNode? After => Comparable(AppliedConfig());

    public override string Describe() => $"{Subject}: new alias of {TargetSubject}";

    /// <summary>
    /// How the <c>alias</c> value is written so the registry resolves it to <paramref name="target"/>: the plain name
    /// within one context (the registry qualifies an unqualified target with the alias's own context, spec §3), the
    /// qualified name across contexts. Null when no value can: an alias in a named context cannot reach the default
    /// context, because even <c>:.:name</c> is read as unqualified and lands in the alias's context.
    /// </summary>
    public static string? TargetAsWritten(QualifiedSubject alias, QualifiedSubject target)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(target);
        if (alias.Context == target.Context)
        {
            // A plain name that itself starts like a context would be read as one.
            return target.Name.StartsWith(":.", StringComparison.Ordinal) ? target.ToString() : target.Name;
        }

        return target.IsDefaultContext ? null : target.ToString();
    }

    /// <exception cref="ArgumentException">No alias value in <paramref name="alias"/>'s context can reach <paramref name="target"/>.</exception>
    public static SubjectAliasChange Create(QualifiedSubject alias, QualifiedSubject target, JsonObject? beforeConfig) =>
        TargetAsWritten(alias, target) is { } written
            ? new SubjectAliasChange(alias.ToString(), target.ToString(), written, beforeConfig)
            : throw new ArgumentException($"An alias in context {alias.Context} cannot point to {target} in the default context.", nameof(target));

    public override async Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        Comparable((await gateway.GetConfigAsync(RegistryScope.ForSubject(Target), cancellationToken))?.Fields);

    public override async Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        // Versions registered under the name since planning would be hidden behind the alias: refuse rather than hide them.
        var versions = await gateway.ListVersionsAsync(Target, DeletedFilter.IncludeDeleted, cancellationToken);
        if (versions.Count > 0)
        {
            throw new InvalidOperationException(
                $"{Subject} now holds version(s) {string.Join(", ", versions)} (soft-deleted included); an alias would hide them, so it was not set.");
        }

        await gateway.PutConfigAsync(RegistryScope.ForSubject(Target), new RegistryConfig(AppliedConfig()).AsReplacement(), cancellationToken);
    }

    public override async Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken)
    {
        var scope = RegistryScope.ForSubject(Target);
        if (BeforeConfig is null)
        {
            await gateway.DeleteConfigAsync(scope, cancellationToken);
        }
        else
        {
            await gateway.PutConfigAsync(scope, new RegistryConfig(BeforeConfig).AsReplacement(), cancellationToken);
        }
    }

    /// <summary>The alias name's config after the change: its earlier fields, if any, with the alias set.</summary>
    private JsonObject AppliedConfig()
    {
        var body = BeforeConfig is null ? new JsonObject() : (JsonObject)BeforeConfig.DeepClone();
        body["alias"] = WrittenTarget;
        return body;
    }

    private static JsonObject? Comparable(JsonObject? config)
    {
        if (config is null)
        {
            return null;
        }

        var copy = (JsonObject)config.DeepClone();
        copy.Remove(IgnoredField);
        return copy;
    }
}
