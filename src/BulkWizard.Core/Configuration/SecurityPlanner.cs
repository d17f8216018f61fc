using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Metadata;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// Plans a security policy: one <see cref="SubjectConfigChange"/> per scope whose own config does not carry it yet, the
/// policy merged into the rest of the body (<see cref="SecurityPolicy.ApplyTo"/>). A scope without a config of its own
/// gets one that repeats what it inherited: once a scope has a config, the registry takes the level, metadata and rule
/// sets from it alone. Scopes kept from writing (READONLY, IMPORT) are skipped: the registry refuses their config writes.
/// </summary>
/// <param name="aboutAccessControl">Whether the plan says that access control is not set here (a retention policy written into metadata does not need to).</param>
internal sealed class SecurityPlanner(ConfigurationPlanning planning, bool aboutAccessControl = true)
{
    private const int Shown = 3;

    private readonly List<PlannedChange> _changes = [];
    private readonly List<SkippedSubject> _skipped = [];
    private readonly List<string> _pinned = [];

    private SecurityPolicy Policy => planning.Request.Security!;

    public async Task<OperationPlan> PlanAsync(CancellationToken cancellationToken)
    {
        var latency = planning.Request.IsSubjects ? await PlanSubjectsAsync(cancellationToken) : await PlanScopeAsync(cancellationToken);
        return planning.Plan($"Set security policy ({Policy.Describe()}) on {planning.ScopeText}", _changes, _skipped, Warnings(), latency);
    }

    private async Task<double> PlanSubjectsAsync(CancellationToken cancellationToken)
    {
        var subjects = new List<QualifiedSubject>();
        foreach (var subject in planning.Subjects)
        {
            if (planning.Request.Excluded.TryGetValue(subject.ToString(), out var reason))
            {
                _skipped.Add(new SkippedSubject(planning.Display(subject), reason));
            }
            else
            {
                subjects.Add(subject);
            }
        }

        var reader = new SubjectMetadataReader(planning.Gateway);
        foreach (var state in await reader.ReadAsync(subjects, readVersions: false, cancellationToken))
        {
            var settings = state.Settings;
            if (settings.BlocksWrites)
            {
                _skipped.Add(new SkippedSubject(planning.Display(state.Subject), $"mode {settings.EffectiveMode} ({settings.ModeSource}): the registry refuses config changes"));
                continue;
            }

            Add(state.Subject.ToString(), planning.Display(state.Subject), settings.OwnConfig, () => MetadataConfigPlanning.Repeated(state), state.Inherited.Source);
        }

        return reader.MeanLatencyMs;
    }

    private async Task<double> PlanScopeAsync(CancellationToken cancellationToken)
    {
        var gateway = planning.Gateway;
        var scope = planning.ScopeTarget;
        var name = scope.PathSegment ?? "";
        var shown = ScopeModeChange.ScopeName(name);
        var chain = await ModeChain.ReadAsync(gateway, scope.Kind == RegistryScopeKind.Context ? [scope.Context!] : [], cancellationToken);
        if (ModeChain.Blocks(chain.EffectiveOf(scope)))
        {
            _skipped.Add(new SkippedSubject(shown, $"mode {chain.EffectiveOf(scope)}: the registry refuses config changes"));
            return 0;
        }

        var own = (await gateway.GetConfigAsync(scope, cancellationToken))?.Fields;
        JsonObject? inherited = null;
        if (own is null && scope.Kind == RegistryScopeKind.Context && scope.Context != ConfigurationScopes.AllContextsName)
        {
            // A named context without a config of its own takes the all-contexts one whole; its own config replaces that.
            inherited = (await gateway.GetConfigAsync(ConfigurationScopes.AllContexts, cancellationToken))?.Fields;
        }

        Add(name, shown, own, () => inherited ?? [], scope.Context == ConfigurationScopes.AllContextsName ? "server default" : "all-contexts config");
        return 0;
    }

    private void Add(string subject, string shown, JsonObject? own, Func<JsonObject> inherited, string inheritedFrom)
    {
        var basis = own ?? inherited();
        var after = Policy.ApplyTo(basis);
        if (after["compatibility"] is null)
        {
            // A stored config without a level reads as the server default level; stored explicitly, the read matches.
            after["compatibility"] = CompatibilityLevels.ServerDefault.Format();
        }

        if (own is not null && JsonNode.DeepEquals(Comparable(after), Comparable(own)))
        {
            _skipped.Add(new SkippedSubject(shown, "already carries the policy"));
            return;
        }

        var beforeText = own is null ? $"no config of its own (inherits the {inheritedFrom})" : Policy.Show(own);
        _changes.Add(new SubjectConfigChange(subject, own, after, beforeText, Policy.Show(after)));
        if (own is null && basis.Count > 0)
        {
            _pinned.Add($"{shown} (from the {inheritedFrom})");
        }
    }

    private static JsonObject Comparable(JsonObject config) =>
        new(config.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    private List<string> Warnings()
    {
        var warnings = new List<string>();
        if (_changes.Count > 0)
        {
            warnings.Add("A security policy applies to the next registration only: existing versions keep their metadata, rule sets and ids. " +
                "It also turns off the register fast path: a producer that auto-registers an unchanged schema now creates a new version and a new id.");
        }

        if (Policy.RuleSet is not null)
        {
            warnings.Add("Rule sets are kept by Confluent Enterprise and Cloud registries only; the community edition drops them silently. " +
                "Each write is read back: a dropped rule set fails its item, whose config is put back as it was.");
        }

        if (_pinned.Count > 0)
        {
            warnings.Add($"{_pinned.Count} scope(s) have no config of their own (e.g. {string.Join(", ", _pinned.Take(Shown))}): each gets one repeating the level, " +
                "metadata and rule sets it inherited, so later changes above it no longer reach it.");
        }

        if (aboutAccessControl)
        {
            warnings.Add("Access control (RBAC role bindings, Kafka ACLs) is not part of the registry's REST API: this plan does not change who may read or write.");
        }

        return warnings;
    }
}
