using System.ComponentModel;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Templates;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tools.Results;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>Operation templates: a finished wizard's answers saved by name, and listed. <c>start_bulk_wizard(template)</c> starts one.</summary>
[McpServerToolType]
public sealed class TemplateTools(FileTemplateStore templates, IPlanStore plans, PlanService planning, TimeProvider clock)
{
    [McpServerTool(Name = "save_template", ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false, UseStructuredContent = true)]
    [Description("Saves the answers a plan was made from (a wizard or planning tool's plan) as a named template in the data directory, with its operation type and registry. start_bulk_wizard(template: name) starts a wizard from it: the answers pre-filled, the plan previewed and confirmed like any other. Changes no registry.")]
    public Task<TemplateEntry> SaveTemplate(
        [Description(ToolText.PlanId)] string plan_id,
        [Description("The template's name: " + TemplateName.Allowed + ".")] string name,
        [Description("What the template is for; the plan's title when omitted.")] string? description = null,
        [Description("true: replace a saved template of that name (built-in ones cannot be replaced).")] bool replace = false,
        CancellationToken cancellationToken = default) =>
        Guard(async () =>
        {
            if (TemplateName.Problem(name) is { } problem)
            {
                throw new McpException(problem);
            }

            var plan = (PlanIdentity.IsId(plan_id) ? await plans.FindAsync(plan_id, cancellationToken) : null)
                ?? throw new McpException($"plan_id: no plan '{plan_id}'; plans come from start_bulk_wizard, bulk_wizard_answer or a planning tool such as bulk_schema_cleanup.");
            if (planning.Find(plan.OperationType) is null)
            {
                throw new McpException(
                    $"plan_id: plan {plan.Id} is a {plan.OperationType} plan; templates keep the answers of {string.Join(", ", planning.Operations.Select(o => o.OperationType))} plans.");
            }

            var template = new OperationTemplate
            {
                Name = name,
                Description = string.IsNullOrWhiteSpace(description) ? plan.Title : description.Trim(),
                OperationType = plan.OperationType,
                Registry = plan.Registry,
                Answers = (System.Text.Json.Nodes.JsonObject)plan.Answers.DeepClone(),
                SourcePlanId = plan.Id,
                CreatedAt = clock.GetUtcNow(),
            };
            await templates.SaveAsync(template, replace, cancellationToken);
            return TemplateEntry.Of(template);
        });

    [McpServerTool(Name = "list_templates", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("The operation templates: the built-in ones for the common jobs, then the saved ones, newest first; each with its operation type, the answers it pre-fills and how to start it.")]
    public async Task<TemplateList> ListTemplates(CancellationToken cancellationToken = default) =>
        new([.. (await templates.ListAsync(cancellationToken)).Select(TemplateEntry.Of)]);

    private static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (TemplateException e)
        {
            throw new McpException(e.Message, e);
        }
    }
}
