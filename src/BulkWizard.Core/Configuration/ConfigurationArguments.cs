using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Operations;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// A configuration's own arguments, as <c>bulk_configuration_update</c> takes them and as <c>start_bulk_wizard</c> takes
/// them in <c>answers</c>: the type, the scope (and its context), the mode settings or the security policy, and answers to
/// the producer check. The subjects of scope <c>subjects</c> come from the shared selection (<c>pattern</c>).
/// </summary>
public sealed record ConfigurationArguments : IOperationArguments
{
    public string? ConfigurationType { get; init; }

    public string? Scope { get; init; }

    public string? Context { get; init; }

    public string? Mode { get; init; }

    public bool? Force { get; init; }

    public string? MetadataTarget { get; init; }

    public string? Tags { get; init; }

    public string? Properties { get; init; }

    public string? Sensitive { get; init; }

    public string? RuleSet { get; init; }

    public int? KeepLast { get; init; }

    public int? OlderThanDays { get; init; }

    public bool? EnforceNow { get; init; }

    public bool? PolicyInMetadata { get; init; }

    public string? Fix { get; init; }

    public string? ProducersAction { get; init; }

    public string? UnknownImpact { get; init; }

    public string OperationType => OperationTypes.Configuration;

    public string? Validate() =>
        TypeProblem() ?? ScopeProblem() ?? ValueProblem() ?? ImpactAnswers.Problem(ProducersAction, null, UnknownImpact);

    public string? Missing()
    {
        if (ConfigurationTypes.Find(ConfigurationType) is not { } type)
        {
            return OperationArguments.MissingFor("configuration_type", "a configuration", "one of " + string.Join(", ", ConfigurationTypes.Values));
        }

        if (Scope is null)
        {
            return OperationArguments.MissingFor("scope", "a configuration", "one of " + string.Join(", ", ConfigurationScopes.Values) + " (subjects is implied by a pattern)");
        }

        return Scope == ConfigurationKeys.ContextScope && Context is null
            ? OperationArguments.MissingFor("context", "scope 'context'", "the context, e.g. .staging")
            : type.Missing(this);
    }

    /// <summary>For the planning tool, which asks nothing: scope <c>subjects</c> needs a pattern, and a pattern needs scope <c>subjects</c>.</summary>
    public string? PatternProblem(string? pattern) =>
        pattern is not null && Scope is not null && Scope != ConfigurationKeys.Subjects
            ? $"pattern: only for scope '{ConfigurationKeys.Subjects}', not '{Scope}': the {Scope} scope sets one setting above the subjects; leave pattern out."
            : pattern is null && Scope == ConfigurationKeys.Subjects
                ? OperationArguments.MissingFor("pattern", $"scope '{ConfigurationKeys.Subjects}'", "the subjects to configure, e.g. orders-* or :.staging:*")
                : null;

    public IReadOnlyDictionary<string, JsonNode> Proposals()
    {
        var proposals = new ProposalSet()
            .Set(ConfigurationKeys.ConfigurationType, ConfigurationType)
            .Set(ConfigurationKeys.Scope, Scope)
            .Set(ConfigurationKeys.Context, Context is null ? null : ConfigurationScopes.Normalize(Context))
            .Set(ConfigurationKeys.Mode, Mode is null ? null : ModeSteps.Normalize(Mode))
            .Set(ConfigurationKeys.Force, Force)
            .Set(ConfigurationKeys.MetadataTarget, MetadataTarget)
            .Set(ConfigurationKeys.Tags, Tags)
            .Set(ConfigurationKeys.Properties, Properties)
            .Set(ConfigurationKeys.Sensitive, Sensitive)
            .Set(ConfigurationKeys.RuleSet, RuleSet)
            .Set(ConfigurationKeys.KeepLast, KeepLast)
            .Set(ConfigurationKeys.OlderThanDays, OlderThanDays)
            .Set(ConfigurationKeys.EnforceNow, EnforceNow)
            .Set(ConfigurationKeys.PolicyInMetadata, PolicyInMetadata)
            .Set(ConfigurationKeys.Fix, Fix);
        ImpactAnswers.Propose(proposals, ProducersAction, null, UnknownImpact);
        return proposals.ToDictionary();
    }

    private string? TypeProblem()
    {
        if (ConfigurationType is null)
        {
            return null;
        }

        if (ConfigurationTypes.Find(ConfigurationType) is not { } type)
        {
            return OperationArguments.NotAllowed("configuration_type", ConfigurationType, ConfigurationTypes.Values);
        }

        var given = new (string Name, object? Value)[]
        {
            (ConfigurationKeys.Mode, Mode), (ConfigurationKeys.Force, Force), (ConfigurationKeys.MetadataTarget, MetadataTarget), (ConfigurationKeys.Tags, Tags),
            (ConfigurationKeys.Properties, Properties), (ConfigurationKeys.Sensitive, Sensitive), (ConfigurationKeys.RuleSet, RuleSet),
            (ConfigurationKeys.KeepLast, KeepLast), (ConfigurationKeys.OlderThanDays, OlderThanDays), (ConfigurationKeys.EnforceNow, EnforceNow),
            (ConfigurationKeys.PolicyInMetadata, PolicyInMetadata), (ConfigurationKeys.Fix, Fix),
        };
        return given.FirstOrDefault(g => g.Value is not null && !type.OwnArguments.Contains(g.Name)) is { Name: { } foreign }
            ? $"{foreign}: only for configuration_type '{ConfigurationTypes.All.First(t => t.OwnArguments.Contains(foreign)).Value}', not '{ConfigurationType}'."
            : null;
    }

    private string? ScopeProblem()
    {
        if (Scope is not null && !ConfigurationScopes.Values.Contains(Scope))
        {
            return OperationArguments.NotAllowed("scope", Scope, ConfigurationScopes.Values);
        }

        if (Context is not null && Scope is not null && Scope != ConfigurationKeys.ContextScope)
        {
            return $"context: only for scope '{ConfigurationKeys.ContextScope}', not '{Scope}'.";
        }

        return Context is null ? null : ConfigurationScopes.ContextProblem(Context);
    }

    private string? ValueProblem()
    {
        if (Mode is not null && ModeSteps.Problem(Mode, Scope) is { } mode)
        {
            return mode;
        }

        if (MetadataTarget is not null && !SecuritySteps.Targets.Contains(MetadataTarget))
        {
            return OperationArguments.NotAllowed("metadata_target", MetadataTarget, SecuritySteps.Targets);
        }

        if (KeepLast is < 1)
        {
            return $"keep_last: {KeepLast} is not allowed: give a whole number of at least 1 (the newest live versions kept per subject).";
        }

        if (OlderThanDays is < 1 or > RetentionSteps.MaxDays)
        {
            return $"older_than_days: {OlderThanDays} is not allowed: give a whole number of days from 1 to {RetentionSteps.MaxDays}.";
        }

        if (Fix is not null && ComplianceSteps.Problem(Fix) is { } fix)
        {
            return fix;
        }

        try
        {
            _ = SecurityPolicy.Parse(MetadataTarget, Tags, Properties, Sensitive, RuleSet);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    /// <summary>The descriptions of these arguments as tool parameters, written once for every tool that takes them.</summary>
    public static class Descriptions
    {
        public const string ConfigurationType = "mode (mode settings), security (data-contract metadata and rule sets), retention (retention policies) or compliance (fixes of compliance violations).";
        public const string Scope = "subjects (those pattern selects; implied by pattern), context (one context's own setting, give context), default_context (/config and /mode: the default context only; named contexts never inherit them) or all_contexts (:.__GLOBAL:, the only scope every context inherits).";
        public const string Pattern = "For scope subjects: the subjects to configure, e.g. orders-*, :.staging:*, :*:payments-*. Refused with another scope.";
        public const string Context = "For scope context: the context, e.g. .staging (or :.staging:).";
        public const string Mode = "For mode: READWRITE, READONLY, IMPORT, or inherit (clear the scope's own mode; not for default_context). READONLY and IMPORT need a dry run, then YES.";
        public const string Force = "For mode IMPORT (default true): the registry checks nothing and purges nothing. false: the registry refuses while live versions exist and hard-deletes the soft-deleted versions first; the plan lists those deletes, backed up and undoable.";
        public const string MetadataTarget = "For security: default (defaultMetadata, defaultRuleSet: under what a registration sends; the default) or override (overrideMetadata, overrideRuleSet: over it).";
        public const string Tags = "For security: tags by schema path, entries separated by ';', e.g. $.ssn=PII,SENSITIVE; $.email=PII.";
        public const string Properties = "For security: properties as key=value pairs, e.g. owner=team-a, domain=payments. For compliance: the values of required properties to set where they are missing.";
        public const string Sensitive = "For security: sensitive field names, comma-separated, e.g. ssn, email.";
        public const string RuleSet = "For security: a rule set as JSON, e.g. {\"domainRules\": [{\"name\": \"encryptPII\", \"kind\": \"TRANSFORM\", \"type\": \"ENCRYPT\", \"mode\": \"WRITEREAD\", \"tags\": [\"PII\"]}]} (a list is taken as domainRules). Enterprise and Cloud registries keep rule sets; a community registry drops them, which the run detects and reports.";
        public const string KeepLast = "For retention: the newest live versions each subject keeps, at least 1.";
        public const string OlderThanDays = "For retention: versions last written more than this many days ago go, the newest live one always kept (registries 8.0+).";
        public const string EnforceNow = "For retention (default false): also soft-delete the versions over the limit now, by cleanup's rules for old versions (a dry run, then YES). The policy itself is stored when the run completes.";
        public const string PolicyInMetadata = "For retention (default false): also write the policy into the scope's config defaultMetadata (properties retention.keep_last, retention.older_than_days), where producers and tools reading data contracts see it; it costs what a security policy costs (next registration only, no register fast path).";
        public const string Fix = "For compliance: all (default), or the rules to fix among compatibility, normalize, validate_fields, required_properties (comma-separated); the rules come from BulkWizard:Compliance:RulesFile or the built-in defaults.";
        public const string ProducersAction = "When producers still write to topics whose subjects turn READONLY or IMPORT: force, skip (scope subjects only: leave those subjects out) or cancel. Asked when needed and not given.";
        public const string UnknownImpact = "When producers could not be checked (no Kafka configured, unreachable, no topic known): proceed or cancel. Asked when needed and not given.";
    }
}
