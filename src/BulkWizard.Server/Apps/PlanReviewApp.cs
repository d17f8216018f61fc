namespace BulkWizard.Server.Apps;

/// <summary>
/// The names the MCP Apps extension (SEP-1865) gives the plan review page: the extension's id, the page's <c>ui://</c>
/// resource and its MIME type, and the tool <c>_meta</c> that tells a host to show a tool's result with it.
/// </summary>
public static class PlanReviewApp
{
    /// <summary>The extension's key in <c>capabilities.extensions</c>, on both sides.</summary>
    public const string ExtensionId = "io.modelcontextprotocol/ui";

    public const string ResourceUri = "ui://bulkwizard/plan";

    public const string MimeType = "text/html;profile=mcp-app";

    /// <summary>The <c>_meta</c> key of a tool definition that names its view.</summary>
    public const string ToolMetaKey = "ui";

    /// <summary>
    /// <c>_meta.ui</c> of every tool whose result holds a plan: <c>[McpMeta(PlanReviewApp.ToolMetaKey, JsonValue = PlanReviewApp.ToolMetaJson)]</c>.
    /// A host without the extension ignores it, and the result is complete without the page.
    /// </summary>
    public const string ToolMetaJson = """{"resourceUri":"ui://bulkwizard/plan"}""";
}
