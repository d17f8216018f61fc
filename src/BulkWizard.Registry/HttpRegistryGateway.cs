using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Pacing;
using BulkWizard.Registry.Wire;
using Microsoft.Extensions.Logging;
using SchemaRegistryException = Confluent.SchemaRegistry.SchemaRegistryException;

namespace BulkWizard.Registry;

/// <summary>The gateway over the registry's REST API. See <see cref="IRegistryGateway"/> for the contract.</summary>
internal sealed class HttpRegistryGateway : IRegistryGateway
{
    private const int ReferencedByPageSize = 1000;

    private readonly RegistryRestClient _rest;
    private readonly ILogger _logger;
    private readonly WriteOutcomeClassifier _classifier;
    private readonly CheckedWriteRetry _retry;
    private readonly RegistryPace _pace;
    private readonly UnresolvedDeletes _unresolvedDeletes = new();
    private readonly Lock _capabilitiesGate = new();
    private Task<ServerCapabilities>? _capabilities;

    public HttpRegistryGateway(
        RegistryOptions registry, RegistryRestClient rest, RegistryResilienceOptions resilience, RegistryPace pace, TimeProvider time, ILogger<HttpRegistryGateway> logger)
    {
        Registry = registry;
        _rest = rest;
        _logger = logger;
        _pace = pace;
        _classifier = new WriteOutcomeClassifier(this, logger);
        _retry = new CheckedWriteRetry(registry.Name, resilience, time, logger);
    }

    public RegistryOptions Registry { get; }

    public IDisposable WatchPace(Action<PaceEvent> listener) => _pace.Watch(listener);

    public async Task<ServerVersion> GetServerVersionAsync(CancellationToken cancellationToken)
    {
        // Releases and proxies without the endpoint answer 404: the version is then unknown, not an error.
        var wire = await _rest.SendOrAbsentAsync<WireServerVersion>(RegistryCall.Get(RegistryPath.Of("v1/metadata/version")), [404], cancellationToken);
        return wire is null ? ServerVersion.Unknown : new ServerVersion(wire.Version, wire.CommitId);
    }

    public Task<ServerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken)
    {
        Task<ServerCapabilities> read;
        lock (_capabilitiesGate)
        {
            // A failed read is not kept: the next caller asks again.
            if (_capabilities is null || _capabilities.IsFaulted || _capabilities.IsCanceled)
            {
                _capabilities = ReadCapabilitiesAsync();
            }

            read = _capabilities;
        }

        return read.WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<QualifiedSubject>> ListSubjectsAsync(SubjectQuery query, CancellationToken cancellationToken)
    {
        var names = await ListWithDeletedFilterAsync<string>(
            query.Deleted,
            (deleted, deletedOnly) => RegistryCall.Get(RegistryPath.Of("subjects")
                .Query("subjectPrefix", query.SubjectPrefix).Flag("deleted", deleted).Flag("deletedOnly", deletedOnly)),
            absentCodes: [],
            cancellationToken);
        return [.. names.Select(QualifiedSubject.Parse)];
    }

    public Task<IReadOnlyList<int>> ListVersionsAsync(QualifiedSubject subject, DeletedFilter deleted, CancellationToken cancellationToken) =>
        ListWithDeletedFilterAsync<int>(
            deleted,
            (withDeleted, deletedOnly) => RegistryCall.Get(SubjectPath(subject).Literal("versions")
                .Flag("deleted", withDeleted).Flag("deletedOnly", deletedOnly)),
            absentCodes: [RegistryErrorCodes.SubjectNotFound],
            cancellationToken);

    public async Task<SchemaVersion?> GetVersionAsync(QualifiedSubject subject, VersionSelector version, bool includeDeleted, CancellationToken cancellationToken)
    {
        var call = RegistryCall.Get(SubjectPath(subject).Literal("versions").Literal(version.ToString()).Flag("deleted", includeDeleted));
        var wire = await _rest.SendOrAbsentAsync<WireSchema>(call, [RegistryErrorCodes.SubjectNotFound, RegistryErrorCodes.VersionNotFound], cancellationToken);
        return wire is null ? null : OwnOrNull(subject, WireMapping.ToVersion(wire, subject, includeDeleted));
    }

    public async IAsyncEnumerable<SchemaVersion> ListSchemasAsync(SchemaQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1);
        if (query.IncludeAliases && await GetCapabilitiesAsync(cancellationToken) is { ListsAliases: false } capabilities)
        {
            // An older registry ignores aliases=true and answers as if no alias existed: refuse instead.
            throw new NotSupportedException(
                $"Registry '{Registry.Name}' (release {capabilities.ReportedVersion ?? "unknown"}) cannot list aliases; GET /schemas?aliases=true needs 7.6.3 or 7.7.0 and later.");
        }

        var pages = RegistryPager.ReadAllAsync(
            (offset, ct) => _rest.SendAsync<WireSchema[]>(
                RegistryCall.Get(RegistryPath.Of("schemas")
                    .Query("subjectPrefix", query.SubjectPrefix).Flag("deleted", query.IncludeDeleted).Flag("latestOnly", query.LatestOnly)
                    .Flag("aliases", query.IncludeAliases).Query("offset", offset).Query("limit", query.PageSize)),
                ct),
            query.PageSize,
            schema => (schema.Subject, schema.Version),
            "GET /schemas",
            cancellationToken);
        await foreach (var wire in pages)
        {
            yield return WireMapping.ToVersion(wire, requested: null, query.IncludeDeleted);
        }
    }

    public async Task<WriteResult<RegisteredSchema>> RegisterAsync(QualifiedSubject subject, RegisterSchemaRequest request, CancellationToken cancellationToken)
    {
        EnsureWritable($"registering a schema under '{subject}'");
        var call = RegistryCall.Write(HttpMethod.Post, SubjectPath(subject).Literal("versions").Flag("normalize", request.Normalize), WireMapping.ToWire(request, withIdAndVersion: true));
        return await _retry.RunAsync($"register under {subject}", async () =>
        {
            try
            {
                var answer = await _rest.SendAsync<WireRegisterResponse>(call, cancellationToken);
                return new WriteResult<RegisteredSchema>(WriteOutcome.Applied, new RegisteredSchema(answer.Id, answer.Version, answer.Guid), null);
            }
            catch (Exception e) when (LostAnswers.IsLost(e, cancellationToken))
            {
                return await _classifier.RegisterAsync(subject, request, e, cancellationToken);
            }
        },
        cancellationToken);
    }

    public async Task<SchemaVersion?> LookupAsync(QualifiedSubject subject, RegisterSchemaRequest schema, bool includeDeleted, CancellationToken cancellationToken)
    {
        var call = RegistryCall.PostRead(SubjectPath(subject).Flag("normalize", schema.Normalize).Flag("deleted", includeDeleted), WireMapping.ToWire(schema, withIdAndVersion: false));
        var wire = await _rest.SendOrAbsentAsync<WireSchema>(call, [RegistryErrorCodes.SubjectNotFound, RegistryErrorCodes.SchemaNotFound], cancellationToken);
        return wire is null ? null : OwnOrNull(subject, WireMapping.ToVersion(wire, subject, includeDeleted));
    }

    public async Task<WriteResult<int>> DeleteVersionAsync(QualifiedSubject subject, VersionSelector version, DeleteKind kind, CancellationToken cancellationToken)
    {
        EnsureWritable($"deleting '{subject}' version {version}");
        var key = $"version|{kind}|{subject}|{version}";
        var call = RegistryCall.Write(HttpMethod.Delete, SubjectPath(subject).Literal("versions").Literal(version.ToString()).Flag("permanent", kind == DeleteKind.Permanent));
        return await _retry.RunAsync($"{kind} delete of {subject} version {version}", async () =>
        {
            try
            {
                var deleted = await _rest.SendAsync<int>(call, cancellationToken);
                _unresolvedDeletes.Forget(key);
                return new WriteResult<int>(WriteOutcome.Applied, deleted, null);
            }
            catch (SchemaRegistryException e) when (version.Number is { } number && _unresolvedDeletes.Contains(key) && IsAlreadyDeleted(kind, subjectWide: false, e.ErrorCode))
            {
                return RepeatedDeleteApplied(key, call, e, number);
            }
            catch (Exception e) when (LostAnswers.IsLost(e, cancellationToken))
            {
                return Remember(key, await _classifier.DeleteVersionAsync(subject, version, kind, e, cancellationToken));
            }
        },
        cancellationToken);
    }

    public async Task<WriteResult<IReadOnlyList<int>>> DeleteSubjectAsync(QualifiedSubject subject, DeleteKind kind, CancellationToken cancellationToken)
    {
        EnsureWritable($"deleting subject '{subject}'");
        var key = $"subject|{kind}|{subject}";
        var call = RegistryCall.Write(HttpMethod.Delete, SubjectPath(subject).Flag("permanent", kind == DeleteKind.Permanent));
        return await _retry.RunAsync($"{kind} delete of subject {subject}", async () =>
        {
            try
            {
                var deleted = await _rest.SendAsync<int[]>(call, cancellationToken);
                _unresolvedDeletes.Forget(key);
                return new WriteResult<IReadOnlyList<int>>(WriteOutcome.Applied, deleted, null);
            }
            catch (SchemaRegistryException e) when (_unresolvedDeletes.Contains(key) && IsAlreadyDeleted(kind, subjectWide: true, e.ErrorCode))
            {
                var versions = await ListVersionsAsync(subject, DeletedFilter.IncludeDeleted, cancellationToken);
                return RepeatedDeleteApplied(key, call, e, versions);
            }
            catch (Exception e) when (LostAnswers.IsLost(e, cancellationToken))
            {
                return Remember(key, await _classifier.DeleteSubjectAsync(subject, kind, e, cancellationToken));
            }
        },
        cancellationToken);
    }

    public async Task<RegistryConfig?> GetConfigAsync(RegistryScope scope, CancellationToken cancellationToken)
    {
        var body = await _rest.SendOrAbsentAsync<JsonObject>(RegistryCall.Get(ScopePath("config", scope)), [RegistryErrorCodes.SubjectConfigNotFound], cancellationToken);
        return body is null ? null : WireMapping.ToConfig(body);
    }

    public async Task<RegistryConfig> PutConfigAsync(RegistryScope scope, RegistryConfig config, CancellationToken cancellationToken)
    {
        EnsureWritable($"changing the config of {scope}");
        var body = await _rest.SendAsync<JsonObject>(RegistryCall.IdempotentWrite(HttpMethod.Put, ScopePath("config", scope), config.Fields), cancellationToken);
        return WireMapping.ToConfig(body);
    }

    public async Task<RegistryConfig?> DeleteConfigAsync(RegistryScope scope, CancellationToken cancellationToken)
    {
        EnsureWritable($"deleting the config of {scope}");
        var body = await _rest.SendOrAbsentAsync<JsonObject>(RegistryCall.IdempotentWrite(HttpMethod.Delete, ScopePath("config", scope)), [RegistryErrorCodes.SubjectNotFound], cancellationToken);
        return body is null ? null : WireMapping.ToConfig(body);
    }

    public async Task<RegistryMode?> GetModeAsync(RegistryScope scope, CancellationToken cancellationToken)
    {
        var body = await _rest.SendOrAbsentAsync<WireMode>(RegistryCall.Get(ScopePath("mode", scope)), [RegistryErrorCodes.SubjectModeNotFound], cancellationToken);
        return ToMode(body);
    }

    public async Task<RegistryMode> SetModeAsync(RegistryScope scope, RegistryMode mode, bool force, CancellationToken cancellationToken)
    {
        EnsureWritable($"setting the mode of {scope} to {mode}");
        var call = RegistryCall.IdempotentWrite(HttpMethod.Put, ScopePath("mode", scope).Flag("force", force), new WireMode(mode.Name));
        var body = await _rest.SendAsync<WireMode>(call, cancellationToken);
        return ToMode(body) ?? mode;
    }

    public async Task<RegistryMode?> DeleteModeAsync(RegistryScope scope, CancellationToken cancellationToken)
    {
        EnsureWritable($"deleting the mode of {scope}");
        var body = await _rest.SendOrAbsentAsync<WireMode>(RegistryCall.IdempotentWrite(HttpMethod.Delete, ScopePath("mode", scope)), [RegistryErrorCodes.SubjectNotFound], cancellationToken);
        return ToMode(body);
    }

    public async Task<IReadOnlyList<string>> ListContextsAsync(CancellationToken cancellationToken) =>
        await _rest.SendAsync<string[]>(RegistryCall.Get(RegistryPath.Of("contexts")), cancellationToken);

    public async Task DeleteContextAsync(string context, CancellationToken cancellationToken)
    {
        var name = QualifiedSubject.ContextOnly(context).Context;
        EnsureWritable($"deleting context '{name}'");

        try
        {
            // Deleting a context twice answers 204 both times, so repeating it is harmless.
            await _rest.SendAsync(RegistryCall.IdempotentWrite(HttpMethod.Delete, RegistryPath.Of("contexts").Segment(name)), cancellationToken);
        }
        catch (SchemaRegistryException e) when (e.ErrorCode is 404 or 405)
        {
            // Before 8.0.1 there is no such route (the framework's 404/404, or 405 from a proxy). Since 8.0.1 an unknown
            // context answers 204, so a bare 404 never means "already gone" and must not read as success.
            throw new NotSupportedException(
                $"Registry '{Registry.Name}' cannot delete contexts: DELETE /contexts/{{context}} came with 8.0.1 (it answered HTTP {(int)e.Status}).", e);
        }
    }

    public async Task<IReadOnlyList<int>> GetReferencedByAsync(QualifiedSubject subject, VersionSelector version, bool includeDeleted, CancellationToken cancellationToken)
    {
        var ids = RegistryPager.ReadAllAsync(
            (offset, ct) => _rest.SendAsync<int[]>(
                RegistryCall.Get(SubjectPath(subject).Literal("versions").Literal(version.ToString()).Literal("referencedby")
                    .Flag("deleted", includeDeleted).Query("offset", offset).Query("limit", ReferencedByPageSize)),
                ct),
            ReferencedByPageSize,
            id => id,
            "referencedby",
            cancellationToken);
        var all = new List<int>();
        await foreach (var id in ids)
        {
            all.Add(id);
        }

        return all;
    }

    public async Task<SchemaById?> GetSchemaByIdAsync(int id, QualifiedSubject? subject, CancellationToken cancellationToken)
    {
        var call = RegistryCall.Get(RegistryPath.Of("schemas/ids").Segment(id).Query("subject", subject?.ToString()));
        var wire = await _rest.SendOrAbsentAsync<WireSchema>(call, [RegistryErrorCodes.SchemaNotFound], cancellationToken);
        return wire is null ? null : WireMapping.ToSchemaById(id, wire);
    }

    private async Task<ServerCapabilities> ReadCapabilitiesAsync()
    {
        // Shared by every caller, so no single caller's cancellation may abort it.
        var version = await GetServerVersionAsync(CancellationToken.None);
        _logger.ServerVersionRead(Registry.Name, version.Version);
        return ServerCapabilities.FromVersion(version.Version);
    }

    /// <summary>
    /// Lists with a deleted filter. Before 7.3.1 a registry ignores <c>deletedOnly</c> and would answer with live
    /// items, so unless the release is known to have it, "deleted only" is computed as all minus live.
    /// </summary>
    private async Task<IReadOnlyList<T>> ListWithDeletedFilterAsync<T>(
        DeletedFilter filter, Func<bool, bool, RegistryCall> call, int[] absentCodes, CancellationToken cancellationToken)
    {
        async Task<IReadOnlyList<T>> Read(bool deleted, bool deletedOnly) =>
            await _rest.SendOrAbsentAsync<T[]>(call(deleted, deletedOnly), absentCodes, cancellationToken) ?? [];

        if (filter != DeletedFilter.DeletedOnly)
        {
            return await Read(filter == DeletedFilter.IncludeDeleted, false);
        }

        if ((await GetCapabilitiesAsync(cancellationToken)).SupportsDeletedOnly)
        {
            return await Read(false, true);
        }

        var all = await Read(true, false);
        var live = (await Read(false, false)).ToHashSet();
        return [.. all.Where(item => !live.Contains(item))];
    }

    private void EnsureWritable(string operation)
    {
        if (Registry.ReadOnly)
        {
            throw new RegistryReadOnlyException(Registry.Name, operation);
        }
    }

    private static bool IsAlreadyDeleted(DeleteKind kind, bool subjectWide, int errorCode) => (kind, subjectWide) switch
    {
        (DeleteKind.Soft, false) => errorCode == RegistryErrorCodes.VersionSoftDeleted,
        (DeleteKind.Soft, true) => errorCode == RegistryErrorCodes.SubjectSoftDeleted,
        (DeleteKind.Permanent, false) => errorCode is RegistryErrorCodes.VersionNotFound or RegistryErrorCodes.SubjectNotFound,
        _ => errorCode == RegistryErrorCodes.SubjectNotFound,
    };

    private WriteResult<T> RepeatedDeleteApplied<T>(string key, RegistryCall call, SchemaRegistryException answer, T value)
    {
        _unresolvedDeletes.Forget(key);
        _logger.RepeatedDeleteApplied(Registry.Name, call.Method, call.Path, answer.ErrorCode);
        return new WriteResult<T>(WriteOutcome.Applied, value, answer);
    }

    private WriteResult<T> Remember<T>(string key, WriteResult<T> result)
    {
        if (result.Outcome == WriteOutcome.Applied)
        {
            _unresolvedDeletes.Forget(key);
        }
        else
        {
            _unresolvedDeletes.Remember(key);
        }

        return result;
    }

    /// <summary>
    /// For an unqualified name the registry falls back to other contexts on some reads; a version found
    /// under the same name in another context is not the one asked for.
    /// </summary>
    private static SchemaVersion? OwnOrNull(QualifiedSubject requested, SchemaVersion found) =>
        found.Subject.Name == requested.Name && found.Subject.Context != requested.Context ? null : found;

    private static RegistryMode? ToMode(WireMode? body) => body?.Mode is { Length: > 0 } name ? new RegistryMode(name) : null;

    private static RegistryPath SubjectPath(QualifiedSubject subject) => RegistryPath.Of("subjects").Segment(subject.ToString());

    private static RegistryPath ScopePath(string resource, RegistryScope scope) =>
        scope.PathSegment is { } segment ? RegistryPath.Of(resource).Segment(segment) : RegistryPath.Of(resource);
}
