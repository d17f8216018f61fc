using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Cleanup;

/// <summary>
/// One kind of cleanup, everything about it in one entry: its option in "What type of cleanup?", the selector it
/// implies when no pattern is given, the argument it cannot plan without, and which selected subjects it keeps.
/// </summary>
internal sealed record CleanupType(string Value, string TitleKey, string DescriptionKey)
{
    /// <summary>The selection answer this type implies when neither a pattern nor subjects are given (e.g. <c>test</c>).</summary>
    public string? ImpliedSelector { get; init; }

    /// <summary>For planning from arguments alone: the first argument this type needs and lacks; null when complete.</summary>
    public Func<CleanupArguments, string?> Missing { get; init; } = static _ => null;

    /// <summary>What the type's subjects are called in the plan's words, e.g. "test schemas".</summary>
    public string Noun { get; init; } = "schemas";

    /// <summary>Keeps the newest live versions (<c>keep_last</c>) instead of deleting every version.</summary>
    public bool KeepsNewest { get; init; }

    /// <summary>Which selected subjects this type cleans up (a pattern only narrows the type's own rule).</summary>
    public Func<IRegistryGateway, SelectionOptions, CancellationToken, Task<Func<QualifiedSubject, bool>>> FilterAsync { get; init; } =
        static (_, _, _) => Task.FromResult<Func<QualifiedSubject, bool>>(static _ => true);

    public ChoiceOption Option => new(Value, WizardTexts.Get(TitleKey), WizardTexts.Get(DescriptionKey));

    public IEnumerable<KeyValuePair<string, JsonNode>> SelectionProposals() =>
        ImpliedSelector is null ? [] : [new(SelectionKeys.Selection, ImpliedSelector)];
}
