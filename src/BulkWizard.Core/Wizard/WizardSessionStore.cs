using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace BulkWizard.Core.Wizard;

/// <summary>
/// The wizard sessions of this process (a singleton: tool instances live for one call only).
/// A session idle for longer than <see cref="IdleExpiry"/> is forgotten.
/// </summary>
public sealed class WizardSessionStore(TimeProvider clock)
{
    public static readonly TimeSpan IdleExpiry = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, WizardSession> _sessions = new(StringComparer.Ordinal);

    public WizardSession Create(IWizardDefinition definition, string registry)
    {
        RemoveExpired();
        var id = "wiz_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var session = new WizardSession(id, definition, registry, clock.GetUtcNow());
        _sessions[id] = session;
        return session;
    }

    /// <summary>The live session with this id, touched; null when unknown or expired.</summary>
    public WizardSession? Find(string id)
    {
        RemoveExpired();
        if (!_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        session.Touch(clock.GetUtcNow());
        return session;
    }

    public void Remove(string id) => _sessions.TryRemove(id, out _);

    private void RemoveExpired()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, session) in _sessions)
        {
            if (now - session.LastActivity > IdleExpiry)
            {
                _sessions.TryRemove(id, out _);
            }
        }
    }
}
