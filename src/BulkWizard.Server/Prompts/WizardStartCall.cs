using System.Text.Json.Nodes;
using BulkWizard.Core.Templates;
using BulkWizard.Server.Tools;

namespace BulkWizard.Server.Prompts;

/// <summary>
/// The <c>start_bulk_wizard</c> call a prompt hands the assistant: a built-in template's pre-filled answers with the
/// prompt's arguments, written out in full (not by template name), so the assistant calls exactly what the person sees.
/// </summary>
internal static class WizardStartCall
{
    public const string Tool = "start_bulk_wizard";

    public static JsonObject Arguments(string templateName, string? registry, string? pattern, JsonObject? answers = null)
    {
        var template = BuiltInTemplates.Find(templateName) ?? throw new InvalidOperationException($"No built-in template '{templateName}'.");
        var merged = (JsonObject)template.Arguments.DeepClone();
        foreach (var (key, value) in answers ?? [])
        {
            merged[key] = value?.DeepClone();
        }

        var call = new JsonObject { ["operation_type"] = template.OperationType };
        if (!string.IsNullOrWhiteSpace(registry))
        {
            call["registry"] = registry;
        }

        if (!string.IsNullOrWhiteSpace(pattern))
        {
            call["pattern"] = pattern;
        }

        call["answers"] = merged;
        return call;
    }

    /// <summary>The instruction: what the job is, the exact call, and how the plan is confirmed (by the person, never for them).</summary>
    public static string Instruction(string job, JsonObject arguments) =>
        $"""
        {job}

        Call the tool {Tool} with exactly these arguments:
        {arguments.ToJsonString(ToolJson.Options)}

        With a client that shows forms, the wizard asks me what is still open, shows the preview and asks me to confirm. Without forms it returns status needs_input (answer the question with bulk_wizard_answer(session_id, answers)) or planned: then show me the plan's preview, run its dry run with confirm_bulk_operation(plan_id, plan_hash), and run it for real (confirm_bulk_operation with dry_run: false and confirmation "accept", or "YES" for a destructive plan) only after I have said so. The whole plan is readable at its resource_uri.
        """;
}
