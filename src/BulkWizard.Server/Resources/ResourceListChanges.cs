using System.Collections.Concurrent;
using BulkWizard.Core.Tasks;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Resources;

/// <summary>
/// Sends <c>notifications/resources/list_changed</c>, which the server declares, when the list would show something
/// new: the first time a tool result names a plan, task, backup or template, and again when a named task finishes
/// (its status changes and its backup appears). Each address is remembered for the life of the process: a few per
/// operation.
/// </summary>
internal sealed class ResourceListChanges(TaskManager tasks, ILogger<ResourceListChanges> logger)
{
    /// <summary>
    /// Never listed or read: adding and removing it inside one deferral scope is how a change of the list is announced
    /// (see <see cref="Announce"/>). A template, so that even in that instant it is not in <c>resources/list</c>.
    /// </summary>
    private static readonly McpServerResource Marker = McpServerResource.Create(
        () => "", new McpServerResourceCreateOptions { UriTemplate = ResourceUris.Scheme + "list-changed/{never}", Name = "list_changed" });

    private readonly ConcurrentDictionary<string, byte> _named = new(StringComparer.Ordinal);
    private readonly Lock _announcing = new();

    public void Named(McpServer server, IReadOnlyList<string> uris)
    {
        var added = false;
        foreach (var uri in uris)
        {
            if (!_named.TryAdd(uri, 0))
            {
                continue;
            }

            added = true;
            if (ResourceUris.Parse(uri) is ("task", var id) && tasks.Find(id) is { IsFinished: false } task)
            {
                _ = task.Completion.ContinueWith(_ => Announce(server), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }

        if (added)
        {
            Announce(server);
        }
    }

    /// <summary>
    /// The SDK delivers a list change the way the session's revision requires (to every client before 2026-07-28; from
    /// it, only over the <c>subscriptions/listen</c> streams that asked for it) for changes of its resource collection
    /// only, and that collection has no public way to raise its event. A change undone inside one deferral scope
    /// raises exactly one.
    /// </summary>
    private void Announce(McpServer server)
    {
        if (server.ServerOptions.ResourceCollection is not { } collection)
        {
            return;
        }

        try
        {
            lock (_announcing)
            {
                using (collection.DeferChangedEvents())
                {
                    collection.TryAdd(Marker);
                    collection.Remove(Marker);
                }
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException)
        {
            logger.LogDebug(e, "The resource list change was not announced: the session has ended.");
        }
    }
}
