using System.Text.Json.Nodes;
using BulkWizard.Core.Templates;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// A wizard start filled from a template. What the caller gives wins: its registry, selection and answers; then the
/// template's arguments; then the answers it saved from a plan, which pre-fill whatever is still open.
/// </summary>
internal static class TemplateStart
{
    public static WizardStart Apply(WizardStart start, OperationTemplate template)
    {
        if (start.OperationType is { } type && type != template.OperationType)
        {
            throw new WizardInputException(
                $"operation_type: '{type}' does not match template '{template.Name}', a {template.OperationType} template; leave operation_type out or choose another template.");
        }

        var answers = (JsonObject)template.Arguments.DeepClone();
        foreach (var (key, value) in start.Answers ?? [])
        {
            answers[key] = value?.DeepClone();
        }

        var savedIncludeDeleted = template.Answers["include_deleted"] is JsonValue flag && flag.TryGetValue<bool>(out var included) ? included : (bool?)null;
        return start with
        {
            OperationType = template.OperationType,
            Selection = start.Selection with
            {
                Registry = start.Selection.Registry ?? template.Registry,
                IncludeDeleted = start.Selection.IncludeDeleted ?? savedIncludeDeleted,
            },
            Answers = answers,
            TemplateAnswers = template.Answers,
        };
    }
}
