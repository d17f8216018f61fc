namespace BulkWizard.Core.Exports;

/// <summary>Where an exported plan was written: the JSON for the ticket and the review page beside it.</summary>
public sealed record PlanExportFiles(string JsonPath, string HtmlPath);
