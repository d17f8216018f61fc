using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BulkWizard.Server.Apps;
using BulkWizard.Server.Tools.Results;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tests.Apps;

public sealed partial class PlanReviewPageTests
{
    [Fact]
    public void Html_ContentSecurityPolicy_AllowsExactlyItsOwnScriptAndStyleAndNoOrigin()
    {
        var html = PlanReviewPage.Html;

        var policy = PolicyPattern().Match(html).Groups[1].Value;
        var script = ScriptPattern().Match(html).Groups[1].Value;
        var style = StylePattern().Match(html).Groups[1].Value;
        Assert.Equal(
            $"default-src 'none'; script-src 'sha256-{Hash(script)}'; style-src 'sha256-{Hash(style)}'; img-src data:; connect-src 'none'; " +
            "frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'",
            policy);
        Assert.Contains("<script type=\"application/json\" id=\"plan-data\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public void WithPlan_JsonWithAnOpeningAngleBracket_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => PlanReviewPage.WithPlan("""{"title":"</script><script>alert(1)</script>"}"""));

        Assert.StartsWith("The embedded plan JSON must escape '<'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithPlan_EscapedJson_InTheDataBlock()
    {
        var html = PlanReviewPage.WithPlan("""{"title":"\u003C/script>"}""");

        Assert.Contains("""<script type="application/json" id="plan-data">{"title":"\u003C/script>"}</script>""", html, StringComparison.Ordinal);
    }

    /// <summary>A tool added later that returns a plan shows it in the page too: this fails until it names the page.</summary>
    [Fact]
    public void EveryToolReturningAPlan_NamesTheReviewPageInItsMeta()
    {
        var tools = typeof(PlanReviewApp).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<McpServerToolAttribute>() is not null)
            .ToList();

        var returningPlans = tools.Where(m => Unwrapped(m.ReturnType) is var type && (type == typeof(WizardReply) || type == typeof(PlanPage))).ToList();
        Assert.NotEmpty(returningPlans);
        Assert.All(returningPlans, m =>
        {
            var meta = m.GetCustomAttributes<McpMetaAttribute>().SingleOrDefault(a => a.Name == PlanReviewApp.ToolMetaKey);
            Assert.True(meta?.JsonValue == PlanReviewApp.ToolMetaJson, $"{m.DeclaringType!.Name}.{m.Name} returns a plan and does not name {PlanReviewApp.ResourceUri}");
        });
    }

    private static Type Unwrapped(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? type.GetGenericArguments()[0] : type;

    private static string Hash(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("""<meta http-equiv="Content-Security-Policy" content="([^"]*)">""")]
    private static partial Regex PolicyPattern();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StylePattern();
}
