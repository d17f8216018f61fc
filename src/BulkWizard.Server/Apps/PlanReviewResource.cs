using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Apps;

/// <summary>The plan review page as the MCP Apps <c>ui://</c> resource that plan-returning tools name in their <c>_meta.ui</c>.</summary>
[McpServerResourceType]
public sealed class PlanReviewResource
{
    [McpServerResource(UriTemplate = PlanReviewApp.ResourceUri, Name = "plan_review", Title = "Plan review", MimeType = PlanReviewApp.MimeType)]
    [Description("The plan review page (MCP Apps view): every change of a plan with its before and after, filtered by context, status and warning, the skipped subjects with reasons and the estimate.")]
    public static ResourceContents PlanReview() => new TextResourceContents
    {
        Uri = PlanReviewApp.ResourceUri,
        MimeType = PlanReviewApp.MimeType,
        Text = PlanReviewPage.Html,
        // No origin to reach (the plan comes through the host); a border sets the page apart from the conversation.
        Meta = new JsonObject { ["ui"] = new JsonObject { ["csp"] = new JsonObject(), ["prefersBorder"] = true } },
    };
}
