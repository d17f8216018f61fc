using System.Text.Json.Nodes;

namespace BulkWizard.Core.Templates;

/// <summary>
/// A named start for a wizard: its operation type and the answers it pre-fills. A wizard started from a template asks
/// only what the template and the caller leave open, and is previewed and confirmed like any other.
/// </summary>
public sealed record OperationTemplate
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required string OperationType { get; init; }

    /// <summary>The registry the template was saved from; a start without a registry of its own uses it.</summary>
    public string? Registry { get; init; }

    /// <summary>
    /// Answers by the parameter names of the operation's planning tool (<c>{"cleanup_type": "test"}</c>), read by the
    /// operation's arguments record as <c>start_bulk_wizard</c>'s <c>answers</c> are. Built-in templates use these.
    /// </summary>
    public JsonObject Arguments { get; init; } = [];

    /// <summary>The wizard's answers by question field, as a finished plan recorded them (<see cref="Plans.OperationPlan.Answers"/>).</summary>
    public JsonObject Answers { get; init; } = [];

    /// <summary>The plan whose answers were saved; null for a built-in template.</summary>
    public string? SourcePlanId { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public bool BuiltIn { get; init; }
}
