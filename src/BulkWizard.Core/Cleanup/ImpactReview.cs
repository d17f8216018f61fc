using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;
using static BulkWizard.Core.Cleanup.ImpactWording;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// The cleanup's impact check, as review questions between the preview and the confirmation. What breaks whom depends
/// on the delete: producers (any delete: lookups fail, or auto-registration undoes the cleanup), consumers and ids still
/// in retained data (permanent deletes: ids stop resolving), and what could not be checked, which the user must accept.
/// </summary>
/// <param name="planWithout">Plans again without the given subjects (subject → reason shown among the skipped), same id.</param>
internal sealed class ImpactReview(ImpactFindings findings, Func<OperationPlan, IReadOnlyDictionary<string, string>, CancellationToken, Task<OperationPlan>> planWithout)
{
    public static IReadOnlyList<string> ProducerActions { get; } = [CleanupKeys.Force, CleanupKeys.Skip, CleanupKeys.Cancel];

    public static IReadOnlyList<string> ConsumerActions { get; } = [CleanupKeys.Wait, CleanupKeys.Force, CleanupKeys.Skip, CleanupKeys.Cancel];

    public static IReadOnlyList<string> UnknownActions { get; } = [CleanupKeys.Proceed, CleanupKeys.Cancel];

    public IReadOnlyList<ReviewStep> Steps =>
    [
        new("impact_producers", AskProducersAsync, DecideProducersAsync),
        new("impact_consumers", AskConsumersAsync, DecideConsumersAsync),
        new("impact_unknown", AskUnknownAsync, DecideUnknownAsync),
    ];

    private static bool ProducersActive(SubjectImpact f) => f.ProducersActive == true;

    private static bool ConsumersAffected(SubjectImpact f) => f.Groups.Count > 0 || f.IdsInRetainedData.Count > 0;

    private static bool Unknown(SubjectImpact f) => f.Verdict == ImpactVerdict.Unknown;

    private async ValueTask<Question?> AskProducersAsync(OperationPlan plan, CancellationToken cancellationToken)
    {
        var active = await findings.WhereAsync(plan, ProducersActive, cancellationToken);
        if (active.Count == 0)
        {
            return null;
        }

        return new Question("impact_producers", WizardTexts.Get("producers_detected", Topics(active).Count), new Field(CleanupKeys.ProducersAction, FieldKind.Choice, "Action")
        {
            Description = List(active.Select(f => $"{f.Subject} (topic {f.Topic})")),
            Options =
            [
                new(CleanupKeys.Force, WizardTexts.Get("impact_force")),
                new(CleanupKeys.Skip, WizardTexts.Get("impact_skip_producers")),
                new(CleanupKeys.Cancel, WizardTexts.Get("impact_cancel")),
            ],
        });
    }

    private async ValueTask<ReviewDecision> DecideProducersAsync(OperationPlan plan, JsonObject answers, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var active = await findings.WhereAsync(plan, ProducersActive, cancellationToken);
        var topics = string.Join(", ", Topics(active));
        return answers[CleanupKeys.ProducersAction]?.GetValue<string>() switch
        {
            CleanupKeys.Force => ReviewDecision.Annotate(plan, $"Forced despite active producers on {Topics(active).Count} topic(s) ({topics}): with auto.register=true they register these schemas again."),
            CleanupKeys.Skip => ReviewDecision.Replace(await planWithout(plan, active.ToDictionary(f => f.Subject, f => $"left out: topic {f.Topic} is still produced to"), cancellationToken)),
            _ => ReviewDecision.Cancel($"Cancelled: producers are active on {Topics(active).Count} topic(s) ({topics})."),
        };
    }

    private async ValueTask<Question?> AskConsumersAsync(OperationPlan plan, CancellationToken cancellationToken)
    {
        if (!ImpactFindings.Changes(plan).Any(c => c.Permanent))
        {
            return null;
        }

        var affected = await findings.WhereAsync(plan, ConsumersAffected, cancellationToken);
        if (affected.Count == 0)
        {
            return null;
        }

        var groups = affected.SelectMany(f => f.Groups.Select(g => g.Group)).Distinct(StringComparer.Ordinal).Count();
        var message = groups > 0 ? WizardTexts.Get("consumers_detected", groups) : WizardTexts.Get("ids_in_data_detected", affected.Count);
        List<ChoiceOption> options = groups > 0 ? [new(CleanupKeys.Wait, WizardTexts.Get("impact_wait"))] : [];
        options.AddRange(
        [
            new(CleanupKeys.Force, WizardTexts.Get("impact_force")),
            new(CleanupKeys.Skip, WizardTexts.Get("impact_skip_consumers")),
            new(CleanupKeys.Cancel, WizardTexts.Get("impact_cancel")),
        ]);
        return new Question("impact_consumers", message, new Field(CleanupKeys.ConsumersAction, FieldKind.Choice, "Action")
        {
            Description = List(affected.Select(Describe)),
            Options = options,
        });
    }

    private async ValueTask<ReviewDecision> DecideConsumersAsync(OperationPlan plan, JsonObject answers, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var affected = await findings.WhereAsync(plan, ConsumersAffected, cancellationToken);
        switch (answers[CleanupKeys.ConsumersAction]?.GetValue<string>())
        {
            case CleanupKeys.Force:
                return ReviewDecision.Annotate(plan, $"Forced despite consumers: {List(affected.Select(Describe))}");
            case CleanupKeys.Skip:
                return ReviewDecision.Replace(await planWithout(plan, affected.ToDictionary(f => f.Subject, f => "left out: " + Describe(f)), cancellationToken));
            case CleanupKeys.Wait:
                return await WaitAsync(plan, affected, progress, cancellationToken);
            default:
                return ReviewDecision.Cancel($"Cancelled: consumers would be affected ({List(affected.Select(Describe))}).");
        }
    }

    /// <summary>
    /// Waits until the groups reach the log-end offsets of now. Ids found in retained data stay there however long one
    /// waits, so those subjects are then left out unless the user forces them.
    /// </summary>
    private async Task<ReviewDecision> WaitAsync(OperationPlan plan, IReadOnlyList<SubjectImpact> affected, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var timeout = ImpactFindings.WaitTimeout(plan);
        var result = await findings.Checker.WaitForCatchUpAsync(plan.Registry, [.. affected.Where(f => f.Groups.Count > 0)], timeout, progress, cancellationToken);
        if (!result.CaughtUp)
        {
            return ReviewDecision.Cancel(
                $"Consumers still behind after {timeout.TotalSeconds:0} s: {string.Join(", ", result.Behind.Select(g => $"{g.Group} (lag {g.Lag})"))}. " +
                "Run the cleanup again later, or choose force or skip.");
        }

        var note = $"Consumers caught up after {result.Waited.TotalSeconds:0} s.";
        var inData = affected.Where(f => f.IdsInRetainedData.Count > 0).ToList();
        if (inData.Count == 0)
        {
            return ReviewDecision.Annotate(plan, note);
        }

        var replanned = await planWithout(plan, inData.ToDictionary(f => f.Subject, f => $"left out: ids {string.Join(", ", f.IdsInRetainedData)} still in retained data of topic {f.Topic}"), cancellationToken);
        return ReviewDecision.Annotate(replanned, note + $" {inData.Count} subject(s) left out: their ids are still in retained data (choose force to delete them anyway).");
    }

    private async ValueTask<Question?> AskUnknownAsync(OperationPlan plan, CancellationToken cancellationToken)
    {
        var unknown = await findings.WhereAsync(plan, Unknown, cancellationToken);
        return unknown.Count == 0
            ? null
            : new Question("impact_unknown", WizardTexts.Get("impact_unknown", unknown.Count, Reasons(unknown)), new Field(CleanupKeys.UnknownImpact, FieldKind.Choice, "Action")
            {
                Options = [new(CleanupKeys.Proceed, WizardTexts.Get("impact_proceed")), new(CleanupKeys.Cancel, WizardTexts.Get("impact_cancel"))],
            });
    }

    private async ValueTask<ReviewDecision> DecideUnknownAsync(OperationPlan plan, JsonObject answers, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var unknown = await findings.WhereAsync(plan, Unknown, cancellationToken);
        return answers[CleanupKeys.UnknownImpact]?.GetValue<string>() == CleanupKeys.Proceed
            ? ReviewDecision.Annotate(plan, $"Consumer impact not checked for {unknown.Count} subject(s), accepted: {Reasons(unknown)}")
            : ReviewDecision.Cancel($"Cancelled: consumer impact could not be checked for {unknown.Count} subject(s) ({Reasons(unknown)}).");
    }

    private static string Describe(SubjectImpact f)
    {
        var parts = new List<string>();
        if (f.Groups.Count > 0)
        {
            parts.Add(string.Join(", ", f.Groups.Select(g => $"group {g.Group} ({g.State}, {g.Members} member(s), lag {g.Lag})")));
        }

        if (f.IdsInRetainedData.Count > 0)
        {
            parts.Add($"ids {string.Join(", ", f.IdsInRetainedData)} in retained data" + (f.RetentionMs is { } ms ? $" (retention {Retention(ms)})" : ""));
        }

        return $"{f.Subject} (topic {f.Topic}): {string.Join("; ", parts)}";
    }

    private static string Retention(long ms) => ms < 0 ? "forever" : TimeSpan.FromMilliseconds(ms) is var t && t.TotalDays >= 1 ? $"{t.TotalDays:0.#} days" : $"{t.TotalHours:0.#} hours";
}
