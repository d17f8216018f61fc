using BulkWizard.Core.Operations;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// Answers to the impact questions given up front (<c>producers_action</c>, <c>consumers_action</c>,
/// <c>unknown_impact</c>), as every operation that removes schemas takes them: checked and proposed in one place.
/// </summary>
internal static class ImpactAnswers
{
    /// <summary>The first answer that is not allowed, naming its field; null when every given one is fine.</summary>
    public static string? Problem(string? producers, string? consumers, string? unknown) =>
        Choice("producers_action", producers, ImpactReview.ProducerActions)
        ?? Choice("consumers_action", consumers, ImpactReview.ConsumerActions)
        ?? Choice("unknown_impact", unknown, ImpactReview.UnknownActions);

    public static ProposalSet Propose(ProposalSet proposals, string? producers, string? consumers, string? unknown) =>
        proposals.Set(CleanupKeys.ProducersAction, producers).Set(CleanupKeys.ConsumersAction, consumers).Set(CleanupKeys.UnknownImpact, unknown);

    private static string? Choice(string field, string? value, IReadOnlyList<string> allowed) =>
        value is null || allowed.Contains(value) ? null : OperationArguments.NotAllowed(field, value, allowed);
}
