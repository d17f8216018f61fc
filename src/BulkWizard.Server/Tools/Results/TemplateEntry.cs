using System.Text.Json.Nodes;
using BulkWizard.Core.Templates;

namespace BulkWizard.Server.Tools.Results;

/// <summary>A template as <c>save_template</c> and <c>list_templates</c> show it, with the resource it can be read at.</summary>
public sealed record TemplateEntry(
    string Name,
    string Description,
    string OperationType,
    string? Registry,
    bool BuiltIn,
    JsonObject Arguments,
    JsonObject Answers,
    string? SourcePlanId,
    DateTimeOffset? CreatedAt)
{
    public string ResourceUri => Resources.ResourceUris.Template(Name);

    /// <summary>How to start a wizard from it.</summary>
    public string Start => $"start_bulk_wizard(template: \"{Name}\"), with any argument to add or override";

    public static TemplateEntry Of(OperationTemplate template) => new(
        template.Name,
        template.Description,
        template.OperationType,
        template.Registry,
        template.BuiltIn,
        (JsonObject)template.Arguments.DeepClone(),
        (JsonObject)template.Answers.DeepClone(),
        template.SourcePlanId,
        template.CreatedAt);
}
