using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// Plans a compatibility change: one subject-config change per selected subject whose own level differs,
/// skipping subjects in READONLY or IMPORT (at any scope) and those already at the level, with warnings for
/// loosened levels, production-like contexts and existing Avro versions that the new level would reject.
/// </summary>
public sealed class CompatibilityPlanner(IRegistryGateway gateway, TimeProvider clock)
{
    public const string OperationType = "schema_update";
    private const int ExamplesShown = 3;

    /// <summary>A context is read whole when at least one in this many of its subjects is selected.</summary>
    private const int BulkReadShare = 10;

    public async Task<OperationPlan> PlanAsync(
        SelectedSubjects selection, CompatibilityLevel level, BulkOperationConfig config, JsonObject answers, CancellationToken cancellationToken)
    {
        var target = level.Format();
        var reader = new SubjectSettingsReader(gateway);
        var settings = await reader.ReadAsync(selection.Subjects, cancellationToken);

        var changes = new List<PlannedChange>();
        var changed = new List<SubjectSettings>();
        var skipped = new List<SkippedSubject>();
        foreach (var subject in settings)
        {
            var name = selection.Display(subject.Subject);
            if (subject.BlocksWrites)
            {
                skipped.Add(new SkippedSubject(name, $"mode {subject.EffectiveMode} ({subject.ModeSource})"));
            }
            else if (subject.OwnLevel == target)
            {
                skipped.Add(new SkippedSubject(name, $"already {target}"));
            }
            else
            {
                var after = (JsonObject?)subject.OwnConfig?.DeepClone() ?? [];
                after["compatibility"] = target;
                changes.Add(new SubjectConfigChange(subject.Subject.ToString(), subject.OwnConfig, after, subject.LevelText, target));
                changed.Add(subject);
            }
        }

        var warnings = new List<string>();
        AddLoosening(warnings, changed, level);
        AddProductionContexts(warnings, changed);
        await AddHistoryAsync(warnings, changed, level, selection.ContextSizes, cancellationToken);

        return new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = OperationType,
            Title = $"Set compatibility {target} on {selection.Description}",
            Registry = gateway.Registry.Name,
            CreatedAt = clock.GetUtcNow(),
            Answers = answers,
            Config = config,
            Changes = changes,
            Skipped = skipped,
            Warnings = warnings,
            Estimate = PlanEstimate.For(changes.Count, config, reader.MeanLatencyMs),
        };
    }

    private static void AddLoosening(List<string> warnings, List<SubjectSettings> changed, CompatibilityLevel level)
    {
        var loosened = changed.Where(s => CompatibilityLevels.TryParse(s.EffectiveLevel, out var from) && CompatibilityStrictness.Loosens(from, level)).ToList();
        if (loosened.Count > 0)
        {
            warnings.Add($"Loosens compatibility on {loosened.Count} subject(s) (e.g. {Examples(loosened.Select(s => $"{s.Subject}: {s.EffectiveLevel} → {level.Format()}"))}): " +
                "producers may then register schemas that existing consumers cannot read.");
        }
    }

    private static void AddProductionContexts(List<string> warnings, List<SubjectSettings> changed)
    {
        foreach (var group in changed.GroupBy(s => s.Subject.Context).Where(g => g.Key.Contains("prod", StringComparison.OrdinalIgnoreCase)))
        {
            warnings.Add($"Touches production-like context {group.Key} ({group.Count()} subject(s)).");
        }
    }

    private async Task AddHistoryAsync(
        List<string> warnings, List<SubjectSettings> changed, CompatibilityLevel level, IReadOnlyDictionary<string, int> contextSizes, CancellationToken cancellationToken)
    {
        if (level == CompatibilityLevel.None || changed.Count == 0)
        {
            return;
        }

        var checker = new VersionHistoryChecker(gateway);
        foreach (var context in changed.GroupBy(s => s.Subject.Context))
        {
            // Reading the whole context costs a request per thousand versions; per subject it costs two.
            if (context.Count() * BulkReadShare >= contextSizes.GetValueOrDefault(context.Key, int.MaxValue))
            {
                await checker.PreloadContextAsync(context.Key, cancellationToken);
            }
        }

        var checks = new ConcurrentBag<HistoryCheck>();
        await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = SubjectSettingsReader.MaxParallel, CancellationToken = cancellationToken },
            async (subject, token) => checks.Add(await checker.CheckAsync(subject.Subject, level, token)));

        var violations = checks.Where(c => c.Checked && !c.Satisfied).OrderBy(c => c.Subject, StringComparer.Ordinal).ToList();
        if (violations.Count > 0)
        {
            warnings.Add($"{violations.Count} subject(s) have existing versions that {level.Format()} would not accept (checked on our side, Avro): " +
                Examples(violations.Select(v => $"{v.Subject}: {v.Detail}")));
        }

        var notChecked = checks.Where(c => !c.Checked).OrderBy(c => c.Subject, StringComparer.Ordinal).ToList();
        if (notChecked.Count > 0)
        {
            warnings.Add($"{notChecked.Count} subject(s) not checked against {level.Format()}: {Examples(notChecked.Select(c => $"{c.Subject} ({c.Detail})"))}.");
        }
    }

    private static string Examples(IEnumerable<string> items)
    {
        var list = items.ToList();
        var shown = string.Join("; ", list.Take(ExamplesShown));
        return list.Count > ExamplesShown ? $"{shown}; and {list.Count - ExamplesShown} more" : shown;
    }
}
