using System.Collections.Concurrent;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Tests.Support;

/// <summary>
/// Passes every call to a real gateway, and around each write runs a hook (which may act as another writer, wait
/// for a signal, or throw) and records when the write started and ended, and how many ran at once.
/// </summary>
internal sealed class InterceptingGateway(IRegistryGateway inner) : IRegistryGateway
{
    private readonly ConcurrentQueue<string> _events = new();
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Runs before each write; throwing fails the write without sending it.</summary>
    public Func<WriteCall, Task>? BeforeWrite { get; set; }

    /// <summary>"start kind target" and "end kind target", in order.</summary>
    public IReadOnlyList<string> Events => [.. _events];

    public int MaxConcurrentWrites => Volatile.Read(ref _maxInFlight);

    public RegistryOptions Registry => inner.Registry;

    public Task<ServerVersion> GetServerVersionAsync(CancellationToken cancellationToken) => inner.GetServerVersionAsync(cancellationToken);

    public Task<ServerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken) => inner.GetCapabilitiesAsync(cancellationToken);

    public Task<IReadOnlyList<QualifiedSubject>> ListSubjectsAsync(SubjectQuery query, CancellationToken cancellationToken) => inner.ListSubjectsAsync(query, cancellationToken);

    public Task<IReadOnlyList<int>> ListVersionsAsync(QualifiedSubject subject, DeletedFilter deleted, CancellationToken cancellationToken) =>
        inner.ListVersionsAsync(subject, deleted, cancellationToken);

    public Task<SchemaVersion?> GetVersionAsync(QualifiedSubject subject, VersionSelector version, bool includeDeleted, CancellationToken cancellationToken) =>
        inner.GetVersionAsync(subject, version, includeDeleted, cancellationToken);

    public IAsyncEnumerable<SchemaVersion> ListSchemasAsync(SchemaQuery query, CancellationToken cancellationToken) => inner.ListSchemasAsync(query, cancellationToken);

    public Task<WriteResult<RegisteredSchema>> RegisterAsync(QualifiedSubject subject, RegisterSchemaRequest request, CancellationToken cancellationToken) =>
        WriteAsync(new WriteCall("register", subject.ToString()), () => inner.RegisterAsync(subject, request, cancellationToken));

    public Task<SchemaVersion?> LookupAsync(QualifiedSubject subject, RegisterSchemaRequest schema, bool includeDeleted, CancellationToken cancellationToken) =>
        inner.LookupAsync(subject, schema, includeDeleted, cancellationToken);

    public Task<WriteResult<int>> DeleteVersionAsync(QualifiedSubject subject, VersionSelector version, DeleteKind kind, CancellationToken cancellationToken) =>
        WriteAsync(new WriteCall("delete_version", subject.ToString()), () => inner.DeleteVersionAsync(subject, version, kind, cancellationToken));

    public Task<WriteResult<IReadOnlyList<int>>> DeleteSubjectAsync(QualifiedSubject subject, DeleteKind kind, CancellationToken cancellationToken) =>
        WriteAsync(new WriteCall("delete_subject", subject.ToString()), () => inner.DeleteSubjectAsync(subject, kind, cancellationToken));

    public Task<RegistryConfig?> GetConfigAsync(RegistryScope scope, CancellationToken cancellationToken) => inner.GetConfigAsync(scope, cancellationToken);

    public Task<RegistryConfig> PutConfigAsync(RegistryScope scope, RegistryConfig config, CancellationToken cancellationToken) =>
        WriteAsync(new WriteCall("config", scope.ToString()), () => inner.PutConfigAsync(scope, config, cancellationToken));

    public Task<RegistryConfig?> DeleteConfigAsync(RegistryScope scope, CancellationToken cancellationToken) =>
        WriteAsync(new WriteCall("delete_config", scope.ToString()), () => inner.DeleteConfigAsync(scope, cancellationToken));

    public Task<RegistryMode?> GetModeAsync(RegistryScope scope, CancellationToken cancellationToken) => inner.GetModeAsync(scope, cancellationToken);

    public Task<RegistryMode> SetModeAsync(RegistryScope scope, RegistryMode mode, bool force, CancellationToken cancellationToken) =>
        WriteAsync(new WriteCall("mode", scope.ToString()), () => inner.SetModeAsync(scope, mode, force, cancellationToken));

    public Task<RegistryMode?> DeleteModeAsync(RegistryScope scope, CancellationToken cancellationToken) =>
        WriteAsync(new WriteCall("delete_mode", scope.ToString()), () => inner.DeleteModeAsync(scope, cancellationToken));

    public Task<IReadOnlyList<string>> ListContextsAsync(CancellationToken cancellationToken) => inner.ListContextsAsync(cancellationToken);

    public Task DeleteContextAsync(string context, CancellationToken cancellationToken) =>
        WriteAsync(new WriteCall("delete_context", context), async () =>
        {
            await inner.DeleteContextAsync(context, cancellationToken);
            return true;
        });

    public Task<IReadOnlyList<int>> GetReferencedByAsync(QualifiedSubject subject, VersionSelector version, bool includeDeleted, CancellationToken cancellationToken) =>
        inner.GetReferencedByAsync(subject, version, includeDeleted, cancellationToken);

    public Task<SchemaById?> GetSchemaByIdAsync(int id, QualifiedSubject? subject, CancellationToken cancellationToken) =>
        inner.GetSchemaByIdAsync(id, subject, cancellationToken);

    private async Task<T> WriteAsync<T>(WriteCall call, Func<Task<T>> write)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        _events.Enqueue($"start {call.Kind} {call.Target}");
        try
        {
            if (BeforeWrite is { } hook)
            {
                await hook(call);
            }

            return await write();
        }
        finally
        {
            _events.Enqueue($"end {call.Kind} {call.Target}");
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
