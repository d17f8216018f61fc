namespace BulkWizard.Sandbox.Store;

/// <summary>
/// offset/limit after filtering and sorting. A limit ≤ 0 or above the maximum silently becomes the
/// default (it is not clamped), as the registry does.
/// </summary>
internal static class Paging
{
    public const int Unlimited = int.MaxValue;

    public static List<T> Apply<T>(IEnumerable<T> items, int offset, int limit, int defaultLimit = Unlimited, int maxLimit = Unlimited)
    {
        var effective = limit <= 0 || limit > maxLimit ? defaultLimit : limit;
        return items.Skip(Math.Max(0, offset)).Take(effective).ToList();
    }
}
