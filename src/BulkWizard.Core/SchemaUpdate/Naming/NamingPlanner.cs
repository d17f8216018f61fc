using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>
/// Plans a naming convention applied by subject alias: one <see cref="SubjectAliasChange"/> per violating subject
/// whose suggested name is free (no version, soft-deleted included, and no config). Conforming subjects, subjects
/// without a suggestion, occupied names, names suggested twice and names an alias cannot reach are skipped with the
/// reason. Refused on registries without aliases (below 7.4.1, or of unknown version).
/// </summary>
internal sealed class NamingPlanner(IRegistryGateway gateway, TimeProvider clock)
{
    public const string OperationType = "schema_update";
    private const int ExamplesShown = 3;

    /// <exception cref="WizardInputException">The registry does not support subject aliases.</exception>
    public async Task<OperationPlan> PlanAsync(
        SelectedSubjects selection, NamingRequest request, BulkOperationConfig config, JsonObject answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(request);
        var capabilities = await gateway.GetCapabilitiesAsync(cancellationToken);
        if (!capabilities.SupportsAliases)
        {
            throw new WizardInputException(NamingTexts.AliasesUnsupported(gateway.Registry.Name, capabilities.ReportedVersion));
        }

        var convention = request.Convention;
        var verdicts = await new NamingChecker(gateway).CheckAsync(selection.Subjects, convention, cancellationToken);
        var skipped = new List<SkippedSubject>();
        var candidates = new List<(QualifiedSubject Subject, QualifiedSubject Alias)>();
        foreach (var verdict in verdicts)
        {
            var name = selection.Display(verdict.Subject);
            if (Skip(verdict, convention) is { } reason)
            {
                skipped.Add(new SkippedSubject(name, reason));
            }
            else
            {
                candidates.Add((verdict.Subject, QualifiedSubject.Parse(verdict.Violation!.SuggestedName!)));
            }
        }

        var shared = candidates.GroupBy(c => c.Alias).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Select(c => c.Subject.ToString()).ToList());
        var (states, latencyMs) = await ReadAliasNamesAsync([.. candidates.Select(c => c.Alias).Distinct().Where(a => !shared.ContainsKey(a))], cancellationToken);
        var changes = new List<PlannedChange>();
        foreach (var (subject, alias) in candidates)
        {
            var name = selection.Display(subject);
            if (shared.TryGetValue(alias, out var rivals))
            {
                skipped.Add(new SkippedSubject(name, $"{rivals.Count} subjects would take the same name {alias} ({string.Join(", ", rivals)}); none of them is aliased"));
            }
            else if (SubjectAliasChange.TargetAsWritten(alias, subject) is null)
            {
                skipped.Add(new SkippedSubject(name,
                    $"an alias in context {alias.Context} cannot point to a subject of the default context (the registry reads the target in the alias's own context)"));
            }
            else if (states[alias].Occupied is { } occupied)
            {
                skipped.Add(new SkippedSubject(name, occupied));
            }
            else
            {
                changes.Add(SubjectAliasChange.Create(alias, subject, beforeConfig: null));
            }
        }

        return new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = OperationType,
            Title = $"Apply naming convention {convention} to {selection.Description} by alias",
            Registry = gateway.Registry.Name,
            CreatedAt = clock.GetUtcNow(),
            Answers = answers,
            Config = config,
            Changes = changes,
            Skipped = skipped,
            Warnings = Warnings(changes, skipped),
            Estimate = PlanEstimate.For(changes.Count, config, latencyMs),
        };
    }

    private static string? Skip(NamingVerdict verdict, NamingConvention convention) => verdict switch
    {
        { UncheckedReason: { } reason } => $"not checked: {reason}",
        { Violation: null } => $"already follows {convention}",
        { Violation: { SuggestedName: null } violation } => $"{violation.Reason}; no name suggested: {violation.NoSuggestionReason}",
        _ => null,
    };

    private async Task<(IReadOnlyDictionary<QualifiedSubject, AliasNameState> States, double LatencyMs)> ReadAliasNamesAsync(
        IReadOnlyList<QualifiedSubject> names, CancellationToken cancellationToken)
    {
        var states = new ConcurrentDictionary<QualifiedSubject, AliasNameState>();
        var elapsedTicks = 0L;
        var options = new ParallelOptions { MaxDegreeOfParallelism = NamingChecker.MaxParallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(names, options, async (name, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            var versions = await gateway.ListVersionsAsync(name, DeletedFilter.IncludeDeleted, token);
            var config = await gateway.GetConfigAsync(RegistryScope.ForSubject(name), token);
            Interlocked.Add(ref elapsedTicks, Stopwatch.GetElapsedTime(started).Ticks / 2);
            states[name] = new AliasNameState(name, versions, config?.Fields);
        });

        var latencyMs = names.Count == 0 ? 0 : TimeSpan.FromTicks(elapsedTicks).TotalMilliseconds / names.Count;
        return (states, latencyMs);
    }

    private static List<string> Warnings(List<PlannedChange> changes, List<SkippedSubject> skipped)
    {
        var warnings = new List<string>();
        if (changes.Count > 0)
        {
            warnings.Add(NamingTexts.ReadAndWrite);
            warnings.Add(NamingTexts.DeletesFollow);
            warnings.Add("The old names stay as they are; an alias adds a name, it does not rename. " + NamingTexts.RenameIsMigration);
        }

        var occupied = skipped.Where(s => s.Reason.StartsWith("suggested name", StringComparison.Ordinal)).ToList();
        if (occupied.Count > 0)
        {
            warnings.Add($"{occupied.Count} suggested name(s) are already taken and get no alias: {Examples(occupied.Select(s => s.Subject))}.");
        }

        return warnings;
    }

    private static string Examples(IEnumerable<string> items)
    {
        var list = items.ToList();
        var shown = string.Join("; ", list.Take(ExamplesShown));
        return list.Count > ExamplesShown ? $"{shown}; and {list.Count - ExamplesShown} more" : shown;
    }
}
