using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Registry;

/// <summary>
/// The one way to talk to a Confluent-compatible Schema Registry. Nothing is cached: every call reads
/// the registry's current state.
/// </summary>
/// <remarks>
/// Errors: a registry's refusal is a <c>Confluent.SchemaRegistry.SchemaRegistryException</c> with the HTTP status
/// and <c>error_code</c>; 401 and 403 are a <see cref="RegistryAccessDeniedException"/>. Writes to a read-only
/// registry throw <see cref="RegistryReadOnlyException"/> before any request. Reads, and config, mode and context
/// writes, are retried on transient failures; registrations and deletes of versions and subjects are not, and
/// report a lost answer through <see cref="WriteResult{T}"/>.
/// </remarks>
public interface IRegistryGateway
{
    RegistryOptions Registry { get; }

    /// <summary><c>GET /v1/metadata/version</c>; <see cref="ServerVersion.Unknown"/> when the registry lacks the endpoint.</summary>
    Task<ServerVersion> GetServerVersionAsync(CancellationToken cancellationToken);

    /// <summary>What the registry can do, read once per gateway from its version.</summary>
    Task<ServerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /subjects</c>, in the registry's order.</summary>
    Task<IReadOnlyList<QualifiedSubject>> ListSubjectsAsync(SubjectQuery query, CancellationToken cancellationToken);

    /// <summary><c>GET /subjects/{s}/versions</c>; empty when the subject has no version matching the filter (40401).</summary>
    Task<IReadOnlyList<int>> ListVersionsAsync(QualifiedSubject subject, DeletedFilter deleted, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /subjects/{s}/versions/{v}</c>; null when the subject or version does not exist (40401, 40402).
    /// A version the registry finds only in another context (its fallback for unqualified names) counts as absent.
    /// </summary>
    Task<SchemaVersion?> GetVersionAsync(QualifiedSubject subject, VersionSelector version, bool includeDeleted, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /schemas</c>, paged until the registry returns an empty page. With <see cref="SchemaQuery.IncludeAliases"/>
    /// on a release without <see cref="ServerCapabilities.ListsAliases"/>, <see cref="NotSupportedException"/>.
    /// </summary>
    IAsyncEnumerable<SchemaVersion> ListSchemasAsync(SchemaQuery query, CancellationToken cancellationToken);

    /// <summary><c>POST /subjects/{s}/versions</c>: a normal registration, or an IMPORT one with id and version.</summary>
    Task<WriteResult<RegisteredSchema>> RegisterAsync(QualifiedSubject subject, RegisterSchemaRequest request, CancellationToken cancellationToken);

    /// <summary><c>POST /subjects/{s}</c>: the version of this subject holding the schema; null when none (40401, 40403).</summary>
    Task<SchemaVersion?> LookupAsync(QualifiedSubject subject, RegisterSchemaRequest schema, bool includeDeleted, CancellationToken cancellationToken);

    /// <summary><c>DELETE /subjects/{s}/versions/{v}</c>; the value is the deleted version number.</summary>
    Task<WriteResult<int>> DeleteVersionAsync(QualifiedSubject subject, VersionSelector version, DeleteKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// <c>DELETE /subjects/{s}</c>; the value is the deleted version numbers. When the answer was lost and a re-read
    /// shows the delete applied, the value is what the re-read found: after a soft delete every version now
    /// soft-deleted (which may include some deleted before this call), after a permanent one none. A caller that
    /// must know exactly what it deleted takes the versions it saw live (soft) or all of them (permanent) beforehand.
    /// </summary>
    Task<WriteResult<IReadOnlyList<int>>> DeleteSubjectAsync(QualifiedSubject subject, DeleteKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// The config stored at this scope, read without <c>defaultToGlobal</c>; null when the scope has none
    /// of its own (40408) and so inherits. The global scope always answers.
    /// </summary>
    Task<RegistryConfig?> GetConfigAsync(RegistryScope scope, CancellationToken cancellationToken);

    /// <summary><c>PUT /config[/{s}]</c>; merges into the stored body (see <see cref="RegistryConfig.AsReplacement"/>).</summary>
    Task<RegistryConfig> PutConfigAsync(RegistryScope scope, RegistryConfig config, CancellationToken cancellationToken);

    /// <summary><c>DELETE /config[/{s}]</c>; the removed body, or null when the scope had none (40401).</summary>
    Task<RegistryConfig?> DeleteConfigAsync(RegistryScope scope, CancellationToken cancellationToken);

    /// <summary>The mode stored at this scope, without <c>defaultToGlobal</c>; null when it has none (40409).</summary>
    Task<RegistryMode?> GetModeAsync(RegistryScope scope, CancellationToken cancellationToken);

    /// <summary><c>PUT /mode[/{s}]</c>. <paramref name="force"/> skips the checks (and the purge of soft-deleted versions) of a switch to IMPORT.</summary>
    Task<RegistryMode> SetModeAsync(RegistryScope scope, RegistryMode mode, bool force, CancellationToken cancellationToken);

    /// <summary><c>DELETE /mode[/{s}]</c>; the removed mode, or null when the scope had none (40401).</summary>
    Task<RegistryMode?> DeleteModeAsync(RegistryScope scope, CancellationToken cancellationToken);

    /// <summary><c>GET /contexts</c>: <c>.</c> first, then the named contexts.</summary>
    Task<IReadOnlyList<string>> ListContextsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// <c>DELETE /contexts/{ctx}</c> (8.0.1+); refused with 42211 while any version, even soft-deleted, remains in it.
    /// A release without the endpoint gives <see cref="NotSupportedException"/> (its 404 is not "already deleted").
    /// </summary>
    Task DeleteContextAsync(string context, CancellationToken cancellationToken);

    /// <summary><c>GET /subjects/{s}/versions/{v}/referencedby</c>, all pages: ids of the schemas that reference this version.</summary>
    Task<IReadOnlyList<int>> GetReferencedByAsync(QualifiedSubject subject, VersionSelector version, bool includeDeleted, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /schemas/ids/{id}</c>; null when unknown (40403). Ids are per context: pass a context-only subject
    /// (<see cref="QualifiedSubject.ContextOnly"/>) or a subject to search its context; null searches the default context.
    /// </summary>
    Task<SchemaById?> GetSchemaByIdAsync(int id, QualifiedSubject? subject, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="listener"/> each time the pace of requests to this registry slows down or recovers (429,
    /// 50002, rising latency, the writes-per-minute ceiling), from the thread that saw it, until the returned handle is
    /// disposed. The pace is the registry's, shared by every caller. A gateway without a pace never calls it.
    /// </summary>
    IDisposable WatchPace(Action<PaceEvent> listener) => NoPaceWatch.Instance;

    private sealed class NoPaceWatch : IDisposable
    {
        public static readonly NoPaceWatch Instance = new();

        public void Dispose()
        {
        }
    }
}
