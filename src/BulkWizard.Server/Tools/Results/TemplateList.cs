namespace BulkWizard.Server.Tools.Results;

public sealed record TemplateList(IReadOnlyList<TemplateEntry> Templates);
