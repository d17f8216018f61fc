using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Operations;

/// <summary>
/// A question an operation asks about its plan, after the preview and before the confirmation (e.g. cleanup:
/// "Active consumers detected. How should we proceed?"). <see cref="AskAsync"/> builds it from the plan, or
/// returns null when it does not apply; <see cref="DecideAsync"/> takes the validated answers (by field key)
/// and says whether to go on, with the plan as it is or changed, or to stop. Answers given up front under the
/// question's field keys are used without asking, as for the wizard's own steps. A decision that takes time (waiting
/// for consumers) reports what it is doing to the progress it is given, when the client asked for progress.
/// </summary>
public sealed record ReviewStep(
    string Id,
    Func<OperationPlan, CancellationToken, ValueTask<Question?>> AskAsync,
    Func<OperationPlan, JsonObject, IProgress<string>?, CancellationToken, ValueTask<ReviewDecision>> DecideAsync);
