using System.Text.Json;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Storage;

namespace BulkWizard.Core.Exports;

/// <summary>
/// Writes a plan's export to <c>exports/</c> of the data directory: <c>{plan_id}.json</c> and, beside it,
/// <c>{plan_id}.html</c>, the review page with the plan embedded (made by <paramref name="renderPage"/> from the
/// export's JSON without the stored plan). Both written atomically, readable by the user only; an export of the same
/// plan again replaces them.
/// </summary>
public sealed class PlanExportWriter(DataDirectory dataDirectory, TimeProvider clock, Func<string, string> renderPage)
{
    /// <summary>
    /// Indented for people reading a ticket; the default encoder escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so
    /// the same JSON can sit in the page's data block.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(PlanJson.Options) { WriteIndented = true, Encoder = null };

    private static readonly JsonSerializerOptions Embedded = new(PlanJson.Options) { WriteIndented = false, Encoder = null };

    public async Task<PlanExportFiles> WriteAsync(OperationPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var folder = dataDirectory.EnsureFolder(dataDirectory.ExportsPath);
        var export = PlanExport.Of(plan, clock.GetUtcNow());
        var files = new PlanExportFiles(Path.Combine(folder, plan.Id + ".json"), Path.Combine(folder, plan.Id + ".html"));
        await AtomicFile.WriteAsync(files.JsonPath, (stream, token) => JsonSerializer.SerializeAsync(stream, export, Json, token), cancellationToken);
        var page = renderPage(JsonSerializer.Serialize(export with { Plan = null }, Embedded));
        await AtomicFile.WriteAsync(files.HtmlPath, System.Text.Encoding.UTF8.GetBytes(page), cancellationToken);
        return files;
    }
}
