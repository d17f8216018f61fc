using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Server.Apps;
using BulkWizard.Server.Tests.Support;
using BulkWizard.Server.Tools;
using BulkWizard.Server.Tools.Results;

namespace BulkWizard.Server.Tests.Apps;

/// <summary>
/// The review page as an MCP Apps View in headless Chromium, inside a host page that speaks the Apps protocol with it
/// over postMessage (SEP-1865): <c>ui/initialize</c>, <c>ui/notifications/initialized</c>, the tool input and result,
/// and the <c>tools/call get_bulk_plan</c> requests the View makes to read the whole plan, answered with real tool results.
/// </summary>
public sealed class PlanReviewAppProtocolTests() : ChromiumPageTest("bulkwizard-host-")
{
    private const int Changes = 1_200;

    [ChromiumFact]
    public async Task HostWithServerTools_PlannedReply_ViewReadsEveryPageThroughToolsCall()
    {
        var plan = LargePlan.Create(Changes);
        var reply = new WizardReply { Status = "planned", Registry = plan.Registry, Plan = PlanSummary.From(plan, "/data/plans/x.json") };

        await OpenHostAsync(plan, ToolResult(reply), serverTools: true);
        await Page.WaitUntilAsync("typeof view === 'function' && view() && view().body && view().body.dataset.state === 'ready'", Deadline, "typeof view === 'function' && view() && view().body ? view().body.innerText.slice(0, 500) : document.body.innerText");

        var methods = await Page.EvaluateAsync("hostLog.filter(m => m.method).map(m => m.method)");
        var calls = await Page.EvaluateAsync("hostLog.filter(m => m.method === 'tools/call').map(m => m.params)");
        var shown = await Page.EvaluateAsync("Number(view().getElementById('shown-count').dataset.shown)");
        var title = await Page.EvaluateAsync("view().getElementById('plan-title').textContent");
        var last = await Page.EvaluateAsync("[...view().querySelectorAll('#spacer .row')].length");

        var sent = methods.EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(["ui/initialize", "ui/notifications/initialized"], sent.Take(2));
        Assert.Contains("ui/notifications/size-changed", sent);
        Assert.Equal(
            [.. Enumerable.Range(1, 3).Select(p => $"get_bulk_plan {plan.Id} page {p} of 500")],
            calls.EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()} {c.GetProperty("arguments").GetProperty("plan_id").GetString()} page {c.GetProperty("arguments").GetProperty("page").GetInt32()} of {c.GetProperty("arguments").GetProperty("page_size").GetInt32()}"));
        Assert.Equal(Changes + LargePlan.Skipped.Count, shown.GetInt32());
        Assert.Equal($"{plan.Title} destructive", title.GetString());
        Assert.InRange(last.GetInt32(), 10, 200);
    }

    [ChromiumFact]
    public async Task HostWithoutServerTools_PlanPageResult_ShowsThatPageAndSaysTheRestIsInGetBulkPlan()
    {
        var plan = LargePlan.Create(Changes);
        var page = PlanPage.Of(plan, 1, 50, "/data/plans/x.json");

        await OpenHostAsync(plan, ToolResult(page), serverTools: false);
        await Page.WaitUntilAsync("typeof view === 'function' && view() && view().body && view().body.dataset.state === 'ready'", Deadline, "typeof view === 'function' && view() && view().body ? view().body.innerText.slice(0, 500) : document.body.innerText");

        var calls = await Page.EvaluateAsync("hostLog.filter(m => m.method === 'tools/call').length");
        var shown = await Page.EvaluateAsync("Number(view().getElementById('shown-count').dataset.shown)");
        var status = await Page.EvaluateAsync("view().getElementById('status').textContent");

        Assert.Equal(0, calls.GetInt32());
        Assert.Equal(50 + LargePlan.Skipped.Count, shown.GetInt32());
        Assert.Equal($"Page 1 of 24 of {Changes} change(s): this host does not let the page read the others (get_bulk_plan does).", status.GetString());
    }

    /// <summary>A tools/call result as the SDK writes it: the text block and the structured content, both the tool's JSON.</summary>
    private static JsonObject ToolResult<T>(T value)
    {
        var json = JsonSerializer.SerializeToNode(value, ToolJson.Options)!;
        return new JsonObject
        {
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = json.ToJsonString(ToolJson.Options) }),
            ["structuredContent"] = json,
        };
    }

    /// <summary>
    /// A host page: the View in an iframe (srcdoc, as desktop hosts render it), answering its requests; the page's
    /// <c>get_bulk_plan</c> pages are real tool results of the plan. Every message the View sends is kept in <c>hostLog</c>.
    /// </summary>
    private async Task OpenHostAsync(OperationPlan plan, JsonObject toolResult, bool serverTools)
    {
        var pages = new JsonObject();
        for (var p = 1; p <= (int)Math.Ceiling(plan.Changes.Count / 500.0); p++)
        {
            pages[p.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ToolResult(PlanPage.Of(plan, p, 500, "/data/plans/x.json"));
        }

        // Default encoder: '<' is written \u003C, so no content ends the host's own script.
        var host = $$"""
            <!DOCTYPE html>
            <html><body>
            <iframe id="view" style="width: 1000px; height: 700px"></iframe>
            <script>
            window.hostLog = [];
            const frame = document.getElementById('view');
            window.view = () => frame.contentDocument;
            const pages = {{pages.ToJsonString()}};
            const toolResult = {{toolResult.ToJsonString()}};
            const send = (message) => frame.contentWindow.postMessage(Object.assign({ jsonrpc: '2.0' }, message), '*');
            window.addEventListener('message', (event) => {
              if (event.source !== frame.contentWindow) return;
              const m = event.data;
              hostLog.push(m);
              if (m.method === 'ui/initialize') {
                send({ id: m.id, result: { protocolVersion: '2026-01-26', hostInfo: { name: 'test-host', version: '1.0.0' },
                  hostCapabilities: {{(serverTools ? "{ serverTools: {} }" : "{}")}}, hostContext: { theme: 'dark', displayMode: 'inline' } } });
              } else if (m.method === 'ui/notifications/initialized') {
                send({ method: 'ui/notifications/tool-input', params: { arguments: { pattern: ':*:*' } } });
                send({ method: 'ui/notifications/tool-result', params: toolResult });
              } else if (m.method === 'tools/call') {
                send({ id: m.id, result: pages[String(m.params.arguments.page)] });
              }
            });
            frame.srcdoc = {{JsonSerializer.Serialize(PlanReviewPage.Html)}};
            </script>
            </body></html>
            """;
        var path = Path.Combine(Folder, "host.html");
        await File.WriteAllTextAsync(path, host);
        await Page.NavigateAsync(new Uri(path).AbsoluteUri);
    }
}
