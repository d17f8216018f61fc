using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>Soft and permanent deletes of versions and subjects, with the registry's checks in its order.</summary>
internal sealed class Deletion(RegistryCore core)
{
    /// <summary>DELETE /subjects/{s}/versions/{v}: returns the version number deleted.</summary>
    public int DeleteVersion(string subjectKey, string versionText, bool permanent)
    {
        var versionId = VersionId.Parse(versionText);
        var state = core.State;
        var subject = state.Subject(subjectKey);
        var version = subject is null ? null
            : versionId.IsLatest ? subject.LatestLive
            : subject.Versions.GetValueOrDefault(versionId.Number);
        if (version is { Deleted: true } && !permanent)
        {
            throw RegistryErrors.VersionSoftDeleted(subjectKey, version.Version);
        }

        if (subject is null || subject.Versions.Count == 0)
        {
            throw RegistryErrors.SubjectNotFound(subjectKey);
        }

        if (version is null)
        {
            throw RegistryErrors.VersionNotFound(versionId.ToString());
        }

        RequireWritable(subjectKey);
        var key = new SubjectVersionKey(subject.Key, version.Version);
        var referrers = state.ReferrersOf(key);
        if (permanent ? referrers.Count > 0 : referrers.Any(IsLive))
        {
            throw RegistryErrors.ReferenceExists(subjectKey, version.Version);
        }

        if (permanent && !version.Deleted)
        {
            throw RegistryErrors.VersionNotSoftDeleted(subjectKey, version.Version);
        }

        if (permanent)
        {
            state.RemoveVersion(subject, version.Version);
        }
        else
        {
            version.Deleted = true;
        }

        return version.Version;
    }

    /// <summary>
    /// DELETE /subjects/{s}: returns the versions deleted, ascending. As the registry does: 40401, then 40404
    /// (before the mode check), then 42205, then version by version (a soft delete looks at live versions only)
    /// 42206 for a referrer in another subject and, when permanent, 40405 for a live version.
    /// </summary>
    public IReadOnlyList<int> DeleteSubject(string subjectKey, bool permanent)
    {
        var state = core.State;
        var subject = state.Subject(subjectKey);
        if (subject is null || subject.Versions.Count == 0)
        {
            throw RegistryErrors.SubjectNotFound(subjectKey);
        }

        if (!permanent && !subject.HasLive)
        {
            throw RegistryErrors.SubjectSoftDeleted(subjectKey);
        }

        RequireWritable(subjectKey);
        var targets = (permanent ? subject.Versions.Values : subject.Live).ToList();
        foreach (var version in targets)
        {
            var referrers = state.ReferrersOf(new SubjectVersionKey(subject.Key, version.Version))
                .Where(r => r.Subject != subject.Key);
            if (permanent ? referrers.Any() : referrers.Any(IsLive))
            {
                throw RegistryErrors.ReferenceExists(subjectKey, version.Version);
            }

            if (permanent && !version.Deleted)
            {
                throw RegistryErrors.SubjectNotSoftDeleted(subjectKey);
            }
        }

        var deleted = targets.Select(v => v.Version).ToList();
        if (permanent)
        {
            deleted.ForEach(v => state.RemoveVersion(subject, v));
        }
        else
        {
            targets.ForEach(v => v.Deleted = true);
        }

        return deleted;
    }

    /// <summary>Hard-deletes soft-deleted versions (switching to IMPORT purges them); 42206 if one is referenced from outside.</summary>
    public void PurgeSoftDeleted(IReadOnlyList<SubjectState> subjects)
    {
        var purge = subjects
            .SelectMany(s => s.Versions.Values.Where(v => v.Deleted).Select(v => (Subject: s, Key: new SubjectVersionKey(s.Key, v.Version))))
            .ToList();
        var purged = purge.Select(p => p.Key).ToHashSet();
        foreach (var (_, key) in purge)
        {
            if (core.State.ReferrersOf(key).Any(r => !purged.Contains(r)))
            {
                throw RegistryErrors.ReferenceExists(key.Subject, key.Version);
            }
        }

        foreach (var (subject, key) in purge)
        {
            core.State.RemoveVersion(subject, key.Version);
        }
    }

    private bool IsLive(SubjectVersionKey key) =>
        core.State.Subject(key.Subject)?.Versions.GetValueOrDefault(key.Version) is { Deleted: false };

    private void RequireWritable(string subjectKey)
    {
        if (RegistryModes.IsReadOnly(core.Scopes.EffectiveMode(subjectKey)))
        {
            throw RegistryErrors.OperationNotPermitted($"Subject {subjectKey} is in read-only mode");
        }
    }
}
