using System.Collections.Concurrent;

namespace BulkWizard.Registry;

/// <summary>
/// Deletes whose answer was lost and that a re-read did not show applied. When the same delete is sent
/// again and the registry answers "already deleted", that earlier attempt is what deleted it.
/// </summary>
internal sealed class UnresolvedDeletes
{
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    public void Remember(string key)
    {
        // Bounded so a long outage cannot grow it without end; losing an entry only loses a nicer answer.
        if (_keys.Count >= Capacity)
        {
            _keys.Clear();
        }

        _keys[key] = 0;
    }

    public bool Contains(string key) => _keys.ContainsKey(key);

    public void Forget(string key) => _keys.TryRemove(key, out _);
}
