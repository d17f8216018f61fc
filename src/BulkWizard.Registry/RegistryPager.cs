using System.Runtime.CompilerServices;

namespace BulkWizard.Registry;

/// <summary>
/// Pages with <c>offset</c> until the registry returns an empty page. Never stops on a short page: a
/// registry silently replaces a <c>limit</c> above its maximum with its default, so short pages are normal.
/// </summary>
internal static class RegistryPager
{
    public static async IAsyncEnumerable<T> ReadAllAsync<T, TKey>(
        Func<int, CancellationToken, Task<T[]>> fetchPage,
        int pageSize,
        Func<T, TKey> key,
        string what,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TKey[]? previous = null;
        var offset = 0;
        while (true)
        {
            var page = await fetchPage(offset, cancellationToken);
            if (page.Length == 0)
            {
                yield break;
            }

            var keys = page.Select(key).ToArray();
            if (previous is not null && keys.SequenceEqual(previous))
            {
                // The same page twice: the registry ignores offset. A page that is not exactly the asked size
                // was everything it had; a full one may hide more, which we cannot reach.
                if (page.Length != pageSize)
                {
                    yield break;
                }

                throw new InvalidDataException($"The registry ignores 'offset' on {what}: it answered the same {page.Length} items for offsets {offset - page.Length} and {offset}, so the rest cannot be read.");
            }

            foreach (var item in page)
            {
                yield return item;
            }

            previous = keys;
            offset += page.Length;
        }
    }
}
