using System.Runtime.CompilerServices;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Pacing;

namespace BulkWizard.Registry;

/// <summary>
/// The gateway of a <see cref="PendingRegistry"/>: every call first waits until the registry is ready, then goes to the
/// gateway built over its URL then (once).
/// </summary>
internal sealed class PendingRegistryGateway(PendingRegistry pending, RegistryPace pace, Func<IRegistryGateway> createGateway) : IRegistryGateway
{
    private readonly Lazy<IRegistryGateway> _ready = new(createGateway);

    public RegistryOptions Registry => pending.Registry;

    public async Task<ServerVersion> GetServerVersionAsync(CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).GetServerVersionAsync(cancellationToken);

    public async Task<ServerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).GetCapabilitiesAsync(cancellationToken);

    public async Task<IReadOnlyList<QualifiedSubject>> ListSubjectsAsync(SubjectQuery query, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).ListSubjectsAsync(query, cancellationToken);

    public async Task<IReadOnlyList<int>> ListVersionsAsync(QualifiedSubject subject, DeletedFilter deleted, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).ListVersionsAsync(subject, deleted, cancellationToken);

    public async Task<SchemaVersion?> GetVersionAsync(QualifiedSubject subject, VersionSelector version, bool includeDeleted, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).GetVersionAsync(subject, version, includeDeleted, cancellationToken);

    public async IAsyncEnumerable<SchemaVersion> ListSchemasAsync(SchemaQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var gateway = await ReadyAsync(cancellationToken);
        await foreach (var version in gateway.ListSchemasAsync(query, cancellationToken))
        {
            yield return version;
        }
    }

    public async Task<WriteResult<RegisteredSchema>> RegisterAsync(QualifiedSubject subject, RegisterSchemaRequest request, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).RegisterAsync(subject, request, cancellationToken);

    public async Task<SchemaVersion?> LookupAsync(QualifiedSubject subject, RegisterSchemaRequest schema, bool includeDeleted, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).LookupAsync(subject, schema, includeDeleted, cancellationToken);

    public async Task<WriteResult<int>> DeleteVersionAsync(QualifiedSubject subject, VersionSelector version, DeleteKind kind, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).DeleteVersionAsync(subject, version, kind, cancellationToken);

    public async Task<WriteResult<IReadOnlyList<int>>> DeleteSubjectAsync(QualifiedSubject subject, DeleteKind kind, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).DeleteSubjectAsync(subject, kind, cancellationToken);

    public async Task<RegistryConfig?> GetConfigAsync(RegistryScope scope, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).GetConfigAsync(scope, cancellationToken);

    public async Task<RegistryConfig> PutConfigAsync(RegistryScope scope, RegistryConfig config, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).PutConfigAsync(scope, config, cancellationToken);

    public async Task<RegistryConfig?> DeleteConfigAsync(RegistryScope scope, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).DeleteConfigAsync(scope, cancellationToken);

    public async Task<RegistryMode?> GetModeAsync(RegistryScope scope, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).GetModeAsync(scope, cancellationToken);

    public async Task<RegistryMode> SetModeAsync(RegistryScope scope, RegistryMode mode, bool force, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).SetModeAsync(scope, mode, force, cancellationToken);

    public async Task<RegistryMode?> DeleteModeAsync(RegistryScope scope, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).DeleteModeAsync(scope, cancellationToken);

    public async Task<IReadOnlyList<string>> ListContextsAsync(CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).ListContextsAsync(cancellationToken);

    public async Task DeleteContextAsync(string context, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).DeleteContextAsync(context, cancellationToken);

    public async Task<IReadOnlyList<int>> GetReferencedByAsync(QualifiedSubject subject, VersionSelector version, bool includeDeleted, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).GetReferencedByAsync(subject, version, includeDeleted, cancellationToken);

    public async Task<SchemaById?> GetSchemaByIdAsync(int id, QualifiedSubject? subject, CancellationToken cancellationToken) =>
        await (await ReadyAsync(cancellationToken)).GetSchemaByIdAsync(id, subject, cancellationToken);

    /// <summary>The registry's pace exists before its URL is known, so a run can watch it from the start.</summary>
    public IDisposable WatchPace(Action<PaceEvent> listener) => pace.Watch(listener);

    private async Task<IRegistryGateway> ReadyAsync(CancellationToken cancellationToken)
    {
        await pending.WhenReadyAsync(cancellationToken);
        return _ready.Value;
    }
}
