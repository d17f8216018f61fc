using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// The impact check of a plan, run once (its producer window takes seconds) and shared by the review questions that
/// follow, by plan id: a plan planned again after "skip" keeps its id and its findings still hold for what is left.
/// </summary>
/// <param name="targetsOf">
/// What a plan asks the check about; by default the subjects of its <see cref="SubjectCleanupChange"/>s. Another operation
/// (a mode setting: the subjects whose registrations it stops) names its own.
/// </param>
internal sealed class ImpactFindings(IConsumerImpactChecker checker, ImpactCheckOptions defaults, Func<OperationPlan, IReadOnlyList<ImpactTarget>>? targetsOf = null)
{
    /// <summary>Plans reviewed at once are few; past this many, older findings are dropped and checked again if asked.</summary>
    private const int Kept = 64;

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, SubjectImpact>> _byPlan = new(StringComparer.Ordinal);

    public IConsumerImpactChecker Checker => checker;

    public async Task<IReadOnlyDictionary<string, SubjectImpact>> OfAsync(OperationPlan plan, CancellationToken cancellationToken)
    {
        if (_byPlan.TryGetValue(plan.Id, out var known))
        {
            return known;
        }

        var targets = TargetsOf(plan);
        var findings = targets.Count == 0 ? [] : await checker.CheckAsync(plan.Registry, targets, OptionsOf(plan.Answers), cancellationToken);
        var bySubject = findings.ToDictionary(f => f.Subject, StringComparer.Ordinal);
        if (_byPlan.Count >= Kept)
        {
            _byPlan.Clear();
        }

        _byPlan[plan.Id] = bySubject;
        return bySubject;
    }

    /// <summary>The findings of the plan's subjects that <paramref name="matches"/>, in plan order.</summary>
    public async Task<IReadOnlyList<SubjectImpact>> WhereAsync(OperationPlan plan, Func<SubjectImpact, bool> matches, CancellationToken cancellationToken)
    {
        var findings = await OfAsync(plan, cancellationToken);
        return [.. TargetsOf(plan).Select(t => findings.GetValueOrDefault(t.Subject.ToString())).OfType<SubjectImpact>().Where(matches)];
    }

    private IReadOnlyList<ImpactTarget> TargetsOf(OperationPlan plan) =>
        targetsOf?.Invoke(plan) ?? [.. Changes(plan).Select(c => new ImpactTarget(c.Target, c.RecordNames, c.IdsRemoved, c.Permanent))];

    public static IEnumerable<SubjectCleanupChange> Changes(OperationPlan plan) => plan.Changes.OfType<SubjectCleanupChange>();

    public static TimeSpan WaitTimeout(OperationPlan plan) =>
        TimeSpan.FromSeconds(plan.Answers[CleanupKeys.WaitTimeoutSeconds]?.GetValue<int>() ?? DefaultWaitSeconds);

    public const int DefaultWaitSeconds = 300;

    private ImpactCheckOptions OptionsOf(JsonObject answers) => defaults with
    {
        SamplePerPartition = answers[CleanupKeys.SamplePerPartition]?.GetValue<int>() ?? defaults.SamplePerPartition,
        WholeTopic = answers[CleanupKeys.WholeTopic]?.GetValue<bool>() ?? defaults.WholeTopic,
    };
}
