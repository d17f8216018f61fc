using System.Text.Json;
using BulkWizard.Core.Exports;
using BulkWizard.Core.Storage;
using BulkWizard.Server.Apps;
using BulkWizard.Server.Tests.Support;

namespace BulkWizard.Server.Tests.Apps;

/// <summary>
/// The exported review page of a 10,000-change plan, opened from its file in headless Chromium: what it shows, and
/// what it shows after each filter. Interactions go through the page's own controls (a select changed, its change event).
/// </summary>
public sealed class PlanReviewPageBrowserTests() : ChromiumPageTest("bulkwizard-export-")
{
    private const int Changes = 10_000;

    [ChromiumFact]
    public async Task ExportedPage_TenThousandChanges_ShowsEveryRowFiltersAndBeforeAfter()
    {
        var plan = LargePlan.Create(Changes);
        var files = await new PlanExportWriter(new DataDirectory(Folder), TimeProvider.System, PlanReviewPage.WithPlan).WriteAsync(plan, CancellationToken.None);

        await Page.NavigateAsync(new Uri(files.HtmlPath).AbsoluteUri);
        await Page.WaitUntilAsync("document.body && document.body.dataset.state === 'ready'", Deadline);

        var all = await CountsAsync();
        var rendered = await IntAsync("document.querySelectorAll('#spacer .row').length");
        var first = await TextAsync("document.querySelector('#spacer .row .before-after-cell').textContent");
        var estimate = await TextAsync("document.getElementById('estimate').textContent");
        var hash = await TextAsync("document.getElementById('plan-hash').textContent");

        await SelectAsync("filter-context", ".staging");
        var staging = await CountsAsync();
        var stagingContexts = await TextAsync("[...document.querySelectorAll('#spacer .context-cell')].map(c => c.textContent).filter((v, i, a) => a.indexOf(v) === i).join(',')");

        await SelectAsync("filter-context", "");
        await SelectAsync("filter-status", "skipped");
        var skipped = await CountsAsync();
        var reasons = await TextAsync("[...document.querySelectorAll('#spacer .row')].map(r => r.querySelector('.subject-cell').textContent + ': ' + r.querySelector('.change-cell').textContent).join('\\n')");

        await SelectAsync("filter-status", "destructive");
        var destructive = await CountsAsync();

        await SelectAsync("filter-status", "");
        await SelectAsync("filter-warning", "0");
        var warned = await CountsAsync();
        var warnedSubject = await TextAsync("document.querySelector('#spacer .row .subject-cell').textContent");

        Assert.Equal((Changes + 3, Changes + 3), all);
        Assert.InRange(rendered, 10, 200);
        Assert.Equal($"{plan.Changes[0].Before!.ToJsonString()} → {plan.Changes[0].After!.ToJsonString()}", first);
        Assert.Equal("""{"compatibilityLevel":"BACKWARD"} → {"compatibilityLevel":"FULL"}""", first);
        Assert.Equal($"{Changes} item(s) in {plan.Estimate.Batches} batch(es), about 2.4 min (0.5 s between batches, registry latency 12.5 ms when planned)", estimate);
        Assert.Equal($"hash {plan.Hash}", hash);
        Assert.Equal((Changes / 2 + 1, Changes + 3), staging);
        Assert.Equal(".staging", stagingContexts);
        Assert.Equal((3, Changes + 3), skipped);
        Assert.Equal(string.Join('\n', LargePlan.Skipped.Select(s => $"{s.Subject}: {s.Reason}")), reasons);
        Assert.Equal((Changes / 5, Changes + 3), destructive);
        Assert.Equal((1, Changes + 3), warned);
        Assert.Equal(LargePlan.NamedSubject, warnedSubject);
    }

    [ChromiumFact]
    public async Task ExportedPage_ScrolledToTheMiddle_RendersTheRowsInView()
    {
        var plan = LargePlan.Create(Changes);
        var files = await new PlanExportWriter(new DataDirectory(Folder), TimeProvider.System, PlanReviewPage.WithPlan).WriteAsync(plan, CancellationToken.None);
        await Page.NavigateAsync(new Uri(files.HtmlPath).AbsoluteUri);
        await Page.WaitUntilAsync("document.body && document.body.dataset.state === 'ready'", Deadline);

        await Page.EvaluateAsync("(() => { const v = document.getElementById('viewport'); v.scrollTop = 5000 * 30; v.dispatchEvent(new Event('scroll')); })()");
        await Page.WaitUntilAsync("[...document.querySelectorAll('#spacer .row')].some(r => r.dataset.position === '5000')", Deadline);
        var subject = await TextAsync("document.querySelector('#spacer .row[data-position=\"5000\"] .subject-cell').textContent");

        Assert.Equal(plan.Changes[5000].Subject, subject);
    }

    private async Task SelectAsync(string id, string value) =>
        await Page.EvaluateAsync($"(() => {{ const s = document.getElementById('{id}'); s.value = {JsonSerializer.Serialize(value)}; s.dispatchEvent(new Event('change')); }})()");

    private async Task<(int Shown, int Total)> CountsAsync() =>
        (await IntAsync("Number(document.getElementById('shown-count').dataset.shown)"), await IntAsync("Number(document.getElementById('shown-count').dataset.total)"));

    private async Task<int> IntAsync(string expression) => (await Page.EvaluateAsync(expression)).GetInt32();

    private async Task<string> TextAsync(string expression) => (await Page.EvaluateAsync(expression)).GetString()!;
}
