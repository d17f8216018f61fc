using System.Text.Json.Nodes;

namespace BulkWizard.Core.Exports;

/// <summary>One change of an exported plan as a person reads it: its kind, target, the line previews show, and the exact states before and after.</summary>
/// <param name="Registry">The registry the change acts on when it is not the plan's own; null for the plan's registry.</param>
public sealed record ExportedChange(int Index, string Kind, string Subject, string? Registry, string Description, bool Destructive, JsonNode? Before, JsonNode? After);
