namespace BulkWizard.Core.Registry;

/// <summary>Which subjects <c>GET /subjects</c> lists.</summary>
/// <param name="SubjectPrefix">
/// Null asks for every context (the registry's default, <c>:*:</c>); <c>""</c> the default context only;
/// <c>:.ctx:</c> one context; <c>:*:orders</c> subjects starting with <c>orders</c> in every context.
/// </param>
public sealed record SubjectQuery(string? SubjectPrefix = null, DeletedFilter Deleted = DeletedFilter.LiveOnly)
{
    public static SubjectQuery All { get; } = new();
}
