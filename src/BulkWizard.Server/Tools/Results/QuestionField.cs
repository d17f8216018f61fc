using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Server.Tools.Results;

/// <summary>One field of a pending question, as a client without forms sees it: name, kind, allowed values and limits.</summary>
public sealed record QuestionField(
    string Name,
    string Kind,
    string Title,
    string? Description,
    IReadOnlyList<ChoiceOption>? Allowed,
    double? Minimum,
    double? Maximum,
    JsonNode? Default,
    string Expects)
{
    public static QuestionField From(Field field) => new(
        field.Key,
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(field.Kind.ToString()),
        field.Title,
        field.Description,
        field.Options.Count > 0 ? field.Options : null,
        field.Minimum,
        field.Maximum,
        field.Default,
        field.AllowedText);
}
