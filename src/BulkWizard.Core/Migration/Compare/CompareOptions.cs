using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Migration.Compare;

/// <summary>What a comparison covers and how much of each list it returns.</summary>
/// <param name="Pattern">Subjects selected in the source context; the same names are compared in the target context.</param>
/// <param name="IncludeDeleted">Also soft-deleted versions; otherwise live versions only.</param>
/// <param name="Limit">Items returned per list (the totals count them all).</param>
public sealed record CompareOptions(SubjectPattern Pattern, bool IncludeDeleted = false, int Limit = CompareOptions.DefaultLimit)
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1000;
}
