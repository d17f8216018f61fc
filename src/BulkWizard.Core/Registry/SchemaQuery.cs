namespace BulkWizard.Core.Registry;

/// <summary>Which versions <c>GET /schemas</c> returns; the gateway pages through all of them.</summary>
/// <param name="SubjectPrefix">
/// Null or <c>""</c> is the default context only (the registry's default); <c>:*:</c> every context;
/// <c>:.ctx:</c> one context.
/// </param>
/// <param name="IncludeDeleted">Also soft-deleted versions.</param>
/// <param name="LatestOnly">Only the latest live version of each subject.</param>
/// <param name="PageSize">Items asked per request; the registry may answer with fewer (its maximum is 1000).</param>
public sealed record SchemaQuery(
    string? SubjectPrefix = null,
    bool IncludeDeleted = false,
    bool LatestOnly = false,
    int PageSize = SchemaQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 1000;

    /// <summary>
    /// <c>aliases=true</c>: each version of a subject that aliases point at carries them in
    /// <see cref="SchemaVersion.Aliases"/>. The registry finds an alias only when the alias's own name matches
    /// <see cref="SubjectPrefix"/> (use <c>:*:</c> to find every alias), and then also lists a target outside the
    /// prefix. Needs <see cref="ServerCapabilities.ListsAliases"/>: older releases ignore the parameter, so the
    /// gateway refuses rather than report no aliases.
    /// </summary>
    public bool IncludeAliases { get; init; }
}
