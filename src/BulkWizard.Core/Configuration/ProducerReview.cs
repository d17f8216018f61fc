using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;
using static BulkWizard.Core.Cleanup.ImpactWording;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// Before a scope turns READONLY or IMPORT: cleanup's producer check (<see cref="ImpactFindings"/>) on the topics of the
/// subjects whose mode turns, as review questions. Producers still writing there will have their registrations refused;
/// the person forces, leaves those subjects out (scope <c>subjects</c> only: a context or registry setting cannot spare
/// some of its subjects) or cancels. When producers could not be checked, that is said and must be accepted.
/// </summary>
/// <param name="planWithout">Plans again without the given subjects (subject → reason shown among the skipped), same id.</param>
internal sealed class ProducerReview(ImpactFindings findings, Func<OperationPlan, IReadOnlyDictionary<string, string>, CancellationToken, Task<OperationPlan>> planWithout)
{
    public IReadOnlyList<ReviewStep> Steps =>
    [
        new("configuration_producers", AskProducersAsync, DecideProducersAsync),
        new("configuration_producers_unknown", AskUnknownAsync, DecideUnknownAsync),
    ];

    /// <summary>The subjects a plan stops from registering, as producer-only impact targets.</summary>
    public static IReadOnlyList<ImpactTarget> TargetsOf(OperationPlan plan) =>
    [
        .. plan.Changes.OfType<ScopeModeChange>().SelectMany(c => c.NewlyBlocked).Distinct(StringComparer.Ordinal)
            .Select(s => new ImpactTarget(QualifiedSubject.Parse(s), [], [], Permanent: false)),
    ];

    private static bool Active(SubjectImpact f) => f.ProducersActive == true;

    private static bool Unknown(SubjectImpact f) => f.Verdict == ImpactVerdict.Unknown;

    private static string ModeOf(OperationPlan plan) => plan.Answers[ConfigurationKeys.Mode]?.GetValue<string>() is { } mode && mode != ConfigurationKeys.Inherit ? mode : "READONLY";

    private static bool CanSkip(OperationPlan plan) => plan.Answers[ConfigurationKeys.Scope]?.GetValue<string>() == ConfigurationKeys.Subjects;

    private async ValueTask<Question?> AskProducersAsync(OperationPlan plan, CancellationToken cancellationToken)
    {
        var active = await findings.WhereAsync(plan, Active, cancellationToken);
        if (active.Count == 0)
        {
            return null;
        }

        List<ChoiceOption> options = [new(CleanupKeys.Force, WizardTexts.Get("configuration_producers_force"))];
        if (CanSkip(plan))
        {
            options.Add(new(CleanupKeys.Skip, WizardTexts.Get("configuration_producers_skip")));
        }

        options.Add(new(CleanupKeys.Cancel, WizardTexts.Get("configuration_producers_cancel")));
        return new Question("configuration_producers", WizardTexts.Get("configuration_producers_detected", Topics(active).Count, ModeOf(plan)),
            new Field(ConfigurationKeys.ProducersAction, FieldKind.Choice, "Action")
            {
                Description = List(active.Select(f => $"{f.Subject} (topic {f.Topic})")),
                Options = options,
            });
    }

    private async ValueTask<ReviewDecision> DecideProducersAsync(OperationPlan plan, JsonObject answers, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var active = await findings.WhereAsync(plan, Active, cancellationToken);
        var topics = string.Join(", ", Topics(active));
        return answers[ConfigurationKeys.ProducersAction]?.GetValue<string>() switch
        {
            CleanupKeys.Force => ReviewDecision.Annotate(plan, $"Forced despite active producers on {Topics(active).Count} topic(s) ({topics}): their registrations of new schemas fail while the mode holds."),
            CleanupKeys.Skip => ReviewDecision.Replace(await planWithout(plan, active.ToDictionary(f => f.Subject, f => $"left out: topic {f.Topic} is still produced to"), cancellationToken)),
            _ => ReviewDecision.Cancel($"Cancelled: producers still write to {Topics(active).Count} topic(s) ({topics})."),
        };
    }

    private async ValueTask<Question?> AskUnknownAsync(OperationPlan plan, CancellationToken cancellationToken)
    {
        var unknown = await findings.WhereAsync(plan, Unknown, cancellationToken);
        return unknown.Count == 0
            ? null
            : new Question("configuration_producers_unknown", WizardTexts.Get("configuration_producers_unknown", unknown.Count, ModeOf(plan), Reasons(unknown)),
                new Field(ConfigurationKeys.UnknownImpact, FieldKind.Choice, "Action")
                {
                    Options =
                    [
                        new(CleanupKeys.Proceed, WizardTexts.Get("configuration_producers_proceed")),
                        new(CleanupKeys.Cancel, WizardTexts.Get("configuration_producers_cancel")),
                    ],
                });
    }

    private async ValueTask<ReviewDecision> DecideUnknownAsync(OperationPlan plan, JsonObject answers, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var unknown = await findings.WhereAsync(plan, Unknown, cancellationToken);
        return answers[ConfigurationKeys.UnknownImpact]?.GetValue<string>() == CleanupKeys.Proceed
            ? ReviewDecision.Annotate(plan, $"Producers not checked for {unknown.Count} subject(s), accepted: {Reasons(unknown)}")
            : ReviewDecision.Cancel($"Cancelled: producers could not be checked for {unknown.Count} subject(s) ({Reasons(unknown)}).");
    }
}
