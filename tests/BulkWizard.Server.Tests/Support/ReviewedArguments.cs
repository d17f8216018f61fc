using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;

namespace BulkWizard.Server.Tests.Support;

/// <summary>The arguments of <see cref="ReviewedOperation"/>: its one wizard answer, and optionally its review answer.</summary>
internal sealed record ReviewedArguments : IOperationArguments
{
    public string? Kind { get; init; }

    public string? ConsumerAction { get; init; }

    public string OperationType => ReviewedOperation.Type;

    public string? Validate() =>
        Kind is null or "deprecated" or "test" ? null : OperationArguments.NotAllowed("kind", Kind, ["deprecated", "test"]);

    public string? Missing() => Kind is null ? OperationArguments.MissingFor("kind", "a cleanup", "one of deprecated, test") : null;

    public IReadOnlyDictionary<string, JsonNode> Proposals()
    {
        var proposals = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        if (Kind is not null)
        {
            proposals[ReviewedOperation.KindKey] = Kind;
        }

        if (ConsumerAction is not null)
        {
            proposals[ReviewedOperation.ConsumerActionKey] = ConsumerAction;
        }

        return proposals;
    }
}
