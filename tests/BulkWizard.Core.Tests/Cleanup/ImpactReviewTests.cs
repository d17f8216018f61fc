using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using Moq;

namespace BulkWizard.Core.Tests.Cleanup;

/// <summary>The impact questions a cleanup asks about its plan, and what each answer does to it (the checker is mocked).</summary>
public sealed class ImpactReviewTests
{
    private static readonly ConsumerGroupImpact Billing = new("billing", "Stable", 2, 40);
    private static readonly ConsumerGroupImpact Nightly = new("nightly-report", "Empty", 0, 1200);

    private readonly Mock<IConsumerImpactChecker> _checker = new(MockBehavior.Strict);
    private readonly List<IReadOnlyDictionary<string, string>> _replans = [];

    [Fact]
    public async Task ActiveProducers_AskedWithTheSeedsWords_ForceAnnotates_SkipPlansAgainWithout_CancelStops()
    {
        var plan = Plan(permanent: false, "orders-value", "payments-value");
        Check(Finding("orders-value", producers: true), Finding("payments-value"));
        var review = Review();

        var question = await review.Steps[0].AskAsync(plan, default);
        var force = await review.Steps[0].DecideAsync(plan, Answer(CleanupKeys.ProducersAction, "force"), null, default);
        var skip = await review.Steps[0].DecideAsync(plan, Answer(CleanupKeys.ProducersAction, "skip"), null, default);
        var cancel = await review.Steps[0].DecideAsync(plan, Answer(CleanupKeys.ProducersAction, "cancel"), null, default);

        Assert.Equal("Active producers detected (1 topics). How should we proceed?", question!.Message);
        Assert.Equal(["force", "skip", "cancel"], question.Fields.Single().Options.Select(o => o.Value));
        Assert.Equal("orders-value (topic orders)", question.Fields.Single().Description);
        Assert.Equal(ReviewOutcome.Continue, force.Outcome);
        Assert.Contains("Forced despite active producers on 1 topic(s) (orders): with auto.register=true they register these schemas again.", force.Plan!.Warnings);
        Assert.Equal(ReviewOutcome.Continue, skip.Outcome);
        Assert.Equal(new Dictionary<string, string> { ["orders-value"] = "left out: topic orders is still produced to" }, _replans.Single());
        Assert.Equal((ReviewOutcome.Cancel, "Cancelled: producers are active on 1 topic(s) (orders)."), (cancel.Outcome, cancel.Message));
        _checker.Verify(c => c.CheckAsync("lab", It.IsAny<IReadOnlyList<ImpactTarget>>(), It.IsAny<ImpactCheckOptions>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ActiveConsumers_OnlyForPermanentDeletes_CountsGroups_DescribesLagAndRetainedIds()
    {
        Check(Finding("orders-value", groups: [Billing, Nightly], ids: [7]), Finding("payments-value"));
        var review = Review();

        var soft = await review.Steps[1].AskAsync(Plan(permanent: false, "orders-value", "payments-value"), default);
        var permanent = await review.Steps[1].AskAsync(Plan(permanent: true, "orders-value", "payments-value"), default);

        Assert.Null(soft);
        Assert.Equal("Active consumers detected (2 consumers). How should we proceed?", permanent!.Message);
        Assert.Equal(["wait", "force", "skip", "cancel"], permanent.Fields.Single().Options.Select(o => o.Value));
        Assert.Equal(
            "orders-value (topic orders): group billing (Stable, 2 member(s), lag 40), group nightly-report (Empty, 0 member(s), lag 1200); ids 7 in retained data (retention 7 days)",
            permanent.Fields.Single().Description);
    }

    [Fact]
    public async Task Wait_CaughtUp_LeavesOutSubjectsWhoseIdsAreStillInRetainedData()
    {
        var plan = Plan(permanent: true, "orders-value", "payments-value");
        Check(Finding("orders-value", groups: [Billing]), Finding("payments-value", groups: [Nightly], ids: [9]));
        var lines = new List<string>();
        var progress = new SynchronousProgress(lines.Add);
        _checker.Setup(c => c.WaitForCatchUpAsync("lab", It.Is<IReadOnlyList<SubjectImpact>>(l => l.Count == 2), TimeSpan.FromSeconds(300), progress, It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyList<SubjectImpact>, TimeSpan, IProgress<string>?, CancellationToken>((_, _, _, p, _) => p!.Report("group billing: lag 0 on topic orders"))
            .ReturnsAsync(new CatchUpResult(true, [], TimeSpan.FromSeconds(12)));

        var decision = await Review().Steps[1].DecideAsync(plan, Answer(CleanupKeys.ConsumersAction, "wait"), progress, default);

        Assert.Equal(ReviewOutcome.Continue, decision.Outcome);
        Assert.Equal(new Dictionary<string, string> { ["payments-value"] = "left out: ids 9 still in retained data of topic payments" }, _replans.Single());
        Assert.Contains(decision.Plan!.Warnings, w => w.StartsWith("Consumers caught up after 12 s. 1 subject(s) left out", StringComparison.Ordinal));
        Assert.Equal(["group billing: lag 0 on topic orders"], lines);
    }

    [Fact]
    public async Task Wait_TimedOut_CancelsNamingTheGroupsBehind()
    {
        var plan = Plan(permanent: true, "orders-value") with { Answers = new JsonObject { [CleanupKeys.WaitTimeoutSeconds] = 30 } };
        Check(Finding("orders-value", groups: [Billing]));
        _checker.Setup(c => c.WaitForCatchUpAsync("lab", It.IsAny<IReadOnlyList<SubjectImpact>>(), TimeSpan.FromSeconds(30), null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CatchUpResult(false, [Billing with { Lag = 5 }], TimeSpan.FromSeconds(30)));

        var decision = await Review().Steps[1].DecideAsync(plan, Answer(CleanupKeys.ConsumersAction, "wait"), null, default);

        Assert.Equal(
            (ReviewOutcome.Cancel, "Consumers still behind after 30 s: billing (lag 5). Run the cleanup again later, or choose force or skip."),
            (decision.Outcome, decision.Message));
    }

    [Fact]
    public async Task UnknownImpact_AskedWithTheReason_ProceedAnnotates()
    {
        var plan = Plan(permanent: false, "orders-value", "payments-value");
        const string reason = "no Kafka cluster configured for registry 'lab': consumer impact was not checked";
        Check(Finding("orders-value", verdict: ImpactVerdict.Unknown, reason: reason), Finding("payments-value", verdict: ImpactVerdict.Unknown, reason: reason));
        var review = Review();

        var question = await review.Steps[2].AskAsync(plan, default);
        var proceed = await review.Steps[2].DecideAsync(plan, Answer(CleanupKeys.UnknownImpact, "proceed"), null, default);

        Assert.Equal($"Consumer impact is unknown for 2 subject(s): {reason}. Proceed without knowing who reads them?", question!.Message);
        Assert.Contains($"Consumer impact not checked for 2 subject(s), accepted: {reason}", proceed.Plan!.Warnings);
        Assert.Null(await review.Steps[0].AskAsync(plan, default));
    }

    private ImpactReview Review() => new(
        new ImpactFindings(_checker.Object, new ImpactCheckOptions(TimeSpan.FromSeconds(1))),
        (plan, excluded, _) =>
        {
            _replans.Add(excluded);
            return Task.FromResult(plan with { Changes = [.. plan.Changes.Where(c => !excluded.ContainsKey(c.Subject))] });
        });

    private void Check(params SubjectImpact[] findings) =>
        _checker.Setup(c => c.CheckAsync("lab", It.IsAny<IReadOnlyList<ImpactTarget>>(), It.IsAny<ImpactCheckOptions>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(findings);

    private static SubjectImpact Finding(
        string subject, bool producers = false, IReadOnlyList<ConsumerGroupImpact>? groups = null, IReadOnlyList<int>? ids = null,
        ImpactVerdict verdict = ImpactVerdict.Affected, string reason = "seen") =>
        new(subject, subject.Split('-')[0], producers, groups ?? [], ids ?? [], 7 * 24 * 3600 * 1000L, verdict, reason);

    private static JsonObject Answer(string key, string value) => new() { [key] = value };

    private static OperationPlan Plan(bool permanent, params string[] subjects) => new()
    {
        Id = PlanIdentity.NewId(),
        OperationType = OperationTypes.Cleanup,
        Title = "cleanup",
        Registry = "lab",
        CreatedAt = DateTimeOffset.UnixEpoch,
        Answers = [],
        Config = new BulkOperationConfig(),
        Changes = [.. subjects.Select(s => new SubjectCleanupChange(s, [1], permanent ? [1] : [], new SubjectSnapshot([new VersionState(1, 7, false)], null, null), 0))],
        Estimate = PlanEstimate.For(subjects.Length, new BulkOperationConfig(), 1),
    };

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
