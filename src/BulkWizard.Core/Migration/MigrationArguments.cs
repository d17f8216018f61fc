using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>
/// A migration's own arguments, as <c>bulk_schema_migration</c> takes them and as <c>start_bulk_wizard</c> takes them
/// in <c>answers</c>. The source registry is the selection's registry.
/// </summary>
public sealed record MigrationArguments : IOperationArguments
{
    public string? MigrationType { get; init; }

    public string? TargetRegistry { get; init; }

    public string? SourceContext { get; init; }

    public string? TargetContext { get; init; }

    public bool? PreserveIds { get; init; }

    public bool? AllVersions { get; init; }

    public bool? CopySettings { get; init; }

    public string? SourceAfter { get; init; }

    public string? TargetPrefix { get; init; }

    public string? TargetSuffix { get; init; }

    public int? KeepLast { get; init; }

    public string? OlderThan { get; init; }

    public string? ProducersAction { get; init; }

    public string? ConsumersAction { get; init; }

    public string? UnknownImpact { get; init; }

    public string OperationType => OperationTypes.Migration;

    public string? Validate()
    {
        if (MigrationType is not null && MigrationTypes.Find(MigrationType) is null)
        {
            return OperationArguments.NotAllowed("migration_type", MigrationType, MigrationTypes.Values);
        }

        if (SourceAfter is not null && !MigrationKeys.SourceAfterValues.Contains(SourceAfter))
        {
            return OperationArguments.NotAllowed("source_after", SourceAfter, MigrationKeys.SourceAfterValues);
        }

        if (MigrationType == MigrationKeys.Archive && SourceAfter == MigrationKeys.Keep)
        {
            return "source_after: an archive deletes what it archives; give soft_delete (default) or permanent_delete.";
        }

        if (KeepLast is { } keep && keep < 1)
        {
            return $"keep_last: {keep} is not allowed: give a whole number of at least 1 (the newest live versions kept per subject).";
        }

        if (OlderThan is not null && !ArchiveCutoff.TryParse(OlderThan, out _))
        {
            return $"older_than: '{OlderThan}' is not a date: give an ISO 8601 date or time, e.g. 2026-06-30 or 2026-06-30T12:00:00Z.";
        }

        if ((KeepLast is not null || OlderThan is not null) && MigrationType is not null && MigrationType != MigrationKeys.Archive)
        {
            return $"{(KeepLast is not null ? "keep_last" : "older_than")}: only for migration_type '{MigrationKeys.Archive}', not '{MigrationType}'.";
        }

        return Cleanup.ImpactAnswers.Problem(ProducersAction, ConsumersAction, UnknownImpact)
            ?? ContextProblem("source_context", SourceContext) ?? ContextProblem("target_context", TargetContext)
            ?? NameProblem("target_prefix", TargetPrefix) ?? NameProblem("target_suffix", TargetSuffix);
    }

    public string? Missing() => MigrationTypes.Find(MigrationType) is { } type
        ? type.Missing(this)
        : OperationArguments.MissingFor("migration_type", "a migration", "one of " + string.Join(", ", MigrationTypes.Values));

    public IReadOnlyDictionary<string, JsonNode> Proposals()
    {
        var proposals = new ProposalSet();

        proposals.Set(MigrationKeys.MigrationType, MigrationType);
        proposals.Set(MigrationKeys.TargetRegistry, TargetRegistry);
        proposals.Set(MigrationKeys.SourceContext, SourceContext is null ? null : MigrationContexts.Normalize(SourceContext));
        proposals.Set(MigrationKeys.TargetContext, TargetContext is null ? null : MigrationContexts.Normalize(TargetContext));
        proposals.Set(MigrationKeys.PreserveIds, PreserveIds);
        proposals.Set(MigrationKeys.AllVersions, AllVersions);
        proposals.Set(MigrationKeys.CopySettings, CopySettings);
        proposals.Set(MigrationKeys.SourceAfter, SourceAfter);
        proposals.Set(MigrationKeys.TargetPrefix, TargetPrefix);
        proposals.Set(MigrationKeys.TargetSuffix, TargetSuffix);
        proposals.Set(MigrationKeys.KeepLast, KeepLast);
        proposals.Set(MigrationKeys.OlderThan, OlderThan);
        Cleanup.ImpactAnswers.Propose(proposals, ProducersAction, ConsumersAction, UnknownImpact);
        return proposals.ToDictionary();
    }

    /// <summary>What happens to the source after a verified copy when <c>source_after</c> is not given: by migration type.</summary>
    public static string DefaultSourceAfter(string? migrationType) => (MigrationTypes.Find(migrationType) ?? MigrationTypes.Registry).DefaultSourceAfter;

    /// <summary>
    /// The planning tool's pattern read within the source context: a term without a context gets it; a term naming
    /// another context is refused (a migration moves one context).
    /// </summary>
    public static string QualifyPattern(string pattern, string? sourceContext)
    {
        var context = MigrationContexts.Normalize(sourceContext ?? QualifiedSubject.DefaultContext);
        var prefix = context == QualifiedSubject.DefaultContext ? "" : $":{context}:";
        var terms = pattern.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(term =>
        {
            var exclude = term.StartsWith('!');
            var body = exclude ? term[1..] : term;
            if (body.StartsWith(':'))
            {
                if (!body.StartsWith(prefix.Length == 0 ? ":.:" : prefix, StringComparison.Ordinal))
                {
                    throw new Wizard.WizardInputException($"pattern: '{term}' names another context than source_context '{context}'; a migration moves one context.");
                }

                return term;
            }

            return (exclude ? "!" : "") + prefix + body;
        });
        return string.Join(",", terms);
    }

    private static string? ContextProblem(string field, string? context) =>
        context is null || MigrationContexts.IsValid(context)
            ? null
            : $"{field}: '{context}' is not a context: give '.' for the default context or a name such as .staging (letters, digits, '.', '_', '-').";

    private static string? NameProblem(string field, string? text) =>
        text is null || !text.Contains(':', StringComparison.Ordinal)
            ? null
            : $"{field}: '{text}' may not contain ':' (contexts are chosen with target_context).";

    /// <summary>The descriptions of these arguments as tool parameters, written once for every tool that takes them.</summary>
    public static class Descriptions
    {
        public const string MigrationType = "context (between contexts of one registry), registry (to another registry) or archive (old versions to an archive, then deleted).";
        public const string KeepLast = "For archive: the newest live versions kept per subject (default 1 with older_than); the older ones are archived and deleted.";
        public const string OlderThan = "For archive: only versions last written before this date (ISO 8601; needs registry 8.0+, whose versions carry their write time; a soft delete, import or restore resets it).";
        public const string SourceRegistry = "Configured registry to migrate from (see list_registries); the default registry when omitted.";
        public const string TargetRegistry = "Configured registry to migrate to; the source registry when omitted (a context migration).";
        public const string SourceContext = "Context to migrate from: '.' (the default context, default) or a name such as .staging.";
        public const string TargetContext = "Context to migrate to: '.' (default) or a name such as .prod; the same registry and context as the source is refused.";
        public const string PreserveIds = "Register each version with its id and version number through IMPORT mode on the target subjects only (default true); false: the target assigns new ids and numbers versions from 1 (empty target subjects only).";
        public const string AllVersions = "All versions (default true), or only the latest live version of each subject.";
        public const string CopySettings = "Also copy each subject's own config and mode (default true).";
        public const string SourceAfter = "After a verified copy: keep (default for a registry migration), soft_delete (default for a context migration and an archive) or permanent_delete the source subject; an archive deletes what it archives.";
        public const string TargetPrefix = "Text put before each subject name in the target (default none).";
        public const string TargetSuffix = "Text put after each subject name in the target (default none).";
        public const string Pattern = "Subjects to migrate, by name within the source context: orders-*, * (comma-separated, !term excludes).";
    }
}
