using System.Text.Json.Nodes;

namespace BulkWizard.Core.Operations;

/// <summary>
/// An operation's own arguments as one typed record in the operation's folder: the flat parameters of its
/// planning tool, or the <c>answers</c> object of <c>start_bulk_wizard</c> (same names). The record checks
/// itself and turns into the answers its wizard tries on each step before asking.
/// </summary>
public interface IOperationArguments
{
    /// <summary>The operation these arguments are for, e.g. <c>schema_update</c>.</summary>
    string OperationType { get; }

    /// <summary>The first given value that is not allowed, naming the argument and what is allowed; null when every given value is fine.</summary>
    string? Validate();

    /// <summary>
    /// For planning from arguments alone, where nothing is asked: the first argument the chosen sub-type needs
    /// and lacks, named with what to give; null when nothing is missing.
    /// </summary>
    string? Missing();

    /// <summary>The wizard answers these arguments give, by answer key (not always the argument's name).</summary>
    IReadOnlyDictionary<string, JsonNode> Proposals();
}
