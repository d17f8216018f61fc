using System.Security.Cryptography;
using System.Text;

namespace BulkWizard.Server.Apps;

/// <summary>
/// The plan review page: one self-contained HTML file (inline script and style, nothing from another origin). Its
/// Content-Security-Policy allows exactly its own script and style, by their SHA-256, and no connection, frame, form or
/// base URI. Served empty as the <c>ui://</c> resource (the host hands it the plan), or with a plan embedded as a file.
/// </summary>
public static class PlanReviewPage
{
    private const string ResourceName = "BulkWizard.Server.Apps.plan-review.html";
    private const string PolicySlot = "{{CSP}}";
    private const string PlanSlot = "{{PLAN}}";

    private static readonly Lazy<string> Template = new(Load);

    /// <summary>The page without a plan: it asks the MCP Apps host for one.</summary>
    public static string Html => Template.Value.Replace(PlanSlot, "", StringComparison.Ordinal);

    /// <summary>
    /// The page with <paramref name="planJson"/> in its data block. The JSON must escape <c>&lt;</c> (System.Text.Json's
    /// default encoder does), so no plan content can end the block.
    /// </summary>
    public static string WithPlan(string planJson)
    {
        ArgumentNullException.ThrowIfNull(planJson);
        if (planJson.Contains('<', StringComparison.Ordinal))
        {
            throw new ArgumentException("The embedded plan JSON must escape '<'.", nameof(planJson));
        }

        return Template.Value.Replace(PlanSlot, planJson, StringComparison.Ordinal);
    }

    private static string Load()
    {
        using var stream = typeof(PlanReviewPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var html = reader.ReadToEnd();
        var policy = string.Join("; ",
            "default-src 'none'",
            $"script-src '{Sha256Of(Between(html, "<script>", "</script>"))}'",
            $"style-src '{Sha256Of(Between(html, "<style>", "</style>"))}'",
            "img-src data:",
            "connect-src 'none'",
            "frame-src 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'");
        return html.Replace(PolicySlot, policy, StringComparison.Ordinal);
    }

    /// <summary>The text between the only <paramref name="open"/> tag and the next <paramref name="close"/> tag.</summary>
    private static string Between(string html, string open, string close)
    {
        var start = html.IndexOf(open, StringComparison.Ordinal);
        if (start < 0 || html.IndexOf(open, start + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"The plan review page must have exactly one {open} element.");
        }

        start += open.Length;
        return html[start..html.IndexOf(close, start, StringComparison.Ordinal)];
    }

    private static string Sha256Of(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
