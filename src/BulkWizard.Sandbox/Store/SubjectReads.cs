using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>Reads under /subjects: lists, versions, one version (with cross-context fallback), lookup, referencedby.</summary>
internal sealed class SubjectReads(RegistryCore core)
{
    public List<string> ListSubjects(string? prefix, bool deleted, bool deletedOnly, int offset, int limit)
    {
        var filter = SubjectPrefix.Parse(prefix);
        var subjects = core.State.SubjectsMatching(filter)
            .Where(s => deletedOnly ? s.IsSoftDeleted : deleted ? s.Versions.Count > 0 : s.HasLive)
            .Select(s => s.Key);
        return Paging.Apply(subjects, offset, limit);
    }

    public List<int> ListVersions(string subjectKey, bool deleted, bool deletedOnly, bool deletedAsNegative, int offset, int limit)
    {
        var subject = core.RequireSubject(subjectKey, deleted || deletedOnly);
        var versions = subject.Versions.Values
            .Where(v => deletedOnly ? v.Deleted : deleted || !v.Deleted)
            .Select(v => deletedAsNegative && v.Deleted ? -v.Version : v.Version);
        return Paging.Apply(versions, offset, limit);
    }

    /// <summary>One version; an unqualified name that does not exist is looked up in the other contexts in order.</summary>
    public (SubjectState Subject, SubjectVersion Version) GetVersion(string subjectKey, string versionText, bool deleted)
    {
        var versionId = VersionId.Parse(versionText);
        return WithContextFallback(subjectKey, deleted, key =>
        {
            var subject = core.RequireSubject(key, deleted);
            return (subject, RegistryCore.RequireVersion(subject, versionId, deleted));
        });
    }

    /// <summary>POST /subjects/{s}: the version of this subject holding this schema (canonical match).</summary>
    public (SubjectState Subject, SubjectVersion Version) Lookup(string subjectKey, RegisterRequest request, bool deleted) =>
        WithContextFallback(subjectKey, deleted, key =>
        {
            var subject = core.RequireSubject(key, deleted);
            var schemaType = Compatibility.SchemaTypes.OrDefault(request.SchemaType);
            var (references, texts) = core.ResolveReferences(subject.Name, request.References);
            var canonical = RegistryCore.Canonicalize(schemaType, request.Schema ?? string.Empty, texts);
            var match = subject.Versions.Values.Reverse()
                .Where(v => deleted || !v.Deleted)
                .FirstOrDefault(v =>
                {
                    var schema = core.State.SchemaOf(subject, v);
                    return schema.SchemaType == schemaType && schema.Schema == canonical
                        && schema.References.SequenceEqual(references)
                        && (!request.MetadataGiven || System.Text.Json.Nodes.JsonNode.DeepEquals(request.Metadata, schema.Metadata));
                });
            return match is null ? throw RegistryErrors.SchemaNotFound("Schema not found") : (subject, match);
        });

    /// <summary>Ids of the schemas referencing (s, v); soft-deleted referrers only with <paramref name="deleted"/>.</summary>
    public List<int> ReferencedBy(string subjectKey, string versionText, bool deleted, int offset, int limit)
    {
        var versionId = VersionId.Parse(versionText);
        var subject = core.RequireSubject(subjectKey, true);
        var version = RegistryCore.RequireVersion(subject, versionId, true);
        var ids = core.State.ReferrersOf(new SubjectVersionKey(subject.Key, version.Version))
            .Select(r => (Subject: core.State.Subject(r.Subject), Key: r))
            .Select(r => r.Subject?.Versions.GetValueOrDefault(r.Key.Version))
            .Where(v => v is not null && (deleted || !v.Deleted))
            .Select(v => v!.SchemaId)
            .Distinct()
            .Order();
        var cap = core.Profile == SandboxProfile.Platform76 ? Paging.Unlimited : 1000;
        return Paging.Apply(ids, offset, limit, cap, cap);
    }

    /// <summary>GET /subjects/{s}/metadata: the latest live version whose properties hold every pair.</summary>
    public (SubjectState Subject, SubjectVersion Version) ByMetadata(string subjectKey, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var subject = core.RequireSubject(subjectKey, false);
        var match = subject.Live.Reverse().FirstOrDefault(v =>
        {
            var metadata = core.State.SchemaOf(subject, v).Metadata;
            return pairs.All(p => Metadata.Property(metadata, p.Key) == p.Value);
        });
        return match is null ? throw RegistryErrors.SchemaNotFound("Schema not found") : (subject, match);
    }

    private T WithContextFallback<T>(string subjectKey, bool deleted, Func<string, T> read)
    {
        try
        {
            return read(subjectKey);
        }
        catch (RegistryException ex) when (ex.ErrorCode == 40401 && QualifiedSubject.Parse(subjectKey).IsDefaultContext)
        {
            var name = QualifiedSubject.Parse(subjectKey).Name;
            foreach (var context in core.State.Contexts.Keys.Where(c => c != QualifiedSubject.DefaultContext))
            {
                var candidate = QualifiedSubject.In(context, name).ToString();
                if (core.State.Subject(candidate) is { } found && (deleted ? found.Versions.Count > 0 : found.HasLive))
                {
                    return read(candidate);
                }
            }

            throw;
        }
    }
}
