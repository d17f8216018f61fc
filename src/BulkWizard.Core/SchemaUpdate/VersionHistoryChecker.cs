using System.Collections.Concurrent;
using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// Checks, on our side, whether a subject's live versions would satisfy a compatibility level: each
/// version against its predecessor (or all of them, for transitive levels), with the same checker the
/// Sandbox uses. Never asks the registry's compatibility endpoint (it tests only the current config) and
/// never writes. Avro only; JSON and PROTOBUF are reported as not checked.
/// </summary>
internal sealed class VersionHistoryChecker(IRegistryGateway gateway)
{
    private readonly ConcurrentDictionary<(string, int), string> _referenced = new();
    private readonly ConcurrentDictionary<QualifiedSubject, List<SchemaVersion>> _preloaded = new();
    private readonly ConcurrentDictionary<string, bool> _preloadedContexts = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads every live version of one context with the paged <c>GET /schemas</c> (about one request per
    /// thousand versions), for when most of the context is selected: cheaper than two requests per subject.
    /// </summary>
    public async Task PreloadContextAsync(string context, CancellationToken cancellationToken)
    {
        var prefix = context == QualifiedSubject.DefaultContext ? "" : QualifiedSubject.ContextOnly(context).ToString();
        await foreach (var version in gateway.ListSchemasAsync(new SchemaQuery(prefix), cancellationToken))
        {
            _preloaded.GetOrAdd(version.Subject, _ => []).Add(version);
        }

        _preloadedContexts[context] = true;
    }

    public async Task<HistoryCheck> CheckAsync(QualifiedSubject subject, CompatibilityLevel level, CancellationToken cancellationToken)
    {
        var versions = _preloadedContexts.ContainsKey(subject.Context)
            ? [.. _preloaded.GetValueOrDefault(subject) ?? []]
            : await ReadSubjectAsync(subject, cancellationToken);

        versions.Sort((a, b) => a.Version.CompareTo(b.Version));
        if (versions.Any(v => v.SchemaType != SchemaTypes.Avro))
        {
            return HistoryCheck.NotChecked(subject.ToString(), $"{versions.First(v => v.SchemaType != SchemaTypes.Avro).SchemaType} schemas are not checked");
        }

        var documents = new List<SchemaDocument>();
        foreach (var version in versions)
        {
            documents.Add(new SchemaDocument(SchemaTypes.Avro, version.Schema, await ReferencedAsync(version, cancellationToken)));
        }

        for (var i = 1; i < documents.Count; i++)
        {
            try
            {
                var result = SchemaCompatibilityChecker.Check(documents[i], documents[..i], level);
                if (!result.IsCompatible)
                {
                    return new HistoryCheck(subject.ToString(), true, false,
                        $"version {versions[i].Version} against earlier versions: {(result.Messages.Count > 0 ? result.Messages[0] : "incompatible")}");
                }
            }
            catch (InvalidSchemaException e)
            {
                return HistoryCheck.NotChecked(subject.ToString(), $"version {versions[i].Version} could not be parsed: {e.Message}");
            }
        }

        return new HistoryCheck(subject.ToString(), true, true, null);
    }

    private async Task<List<SchemaVersion>> ReadSubjectAsync(QualifiedSubject subject, CancellationToken cancellationToken)
    {
        var versions = new List<SchemaVersion>();
        // The prefix may also match longer names, which are filtered out here.
        await foreach (var version in gateway.ListSchemasAsync(new SchemaQuery(subject.ToString()), cancellationToken))
        {
            if (version.Subject == subject)
            {
                versions.Add(version);
            }
        }

        return versions;
    }

    private async Task<IReadOnlyList<string>> ReferencedAsync(SchemaVersion version, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        foreach (var reference in version.References)
        {
            var key = (reference.Subject, reference.Version);
            if (!_referenced.TryGetValue(key, out var text))
            {
                var target = await gateway.GetVersionAsync(QualifiedSubject.Parse(reference.Subject), VersionSelector.Of(reference.Version), includeDeleted: true, cancellationToken);
                text = target?.Schema ?? "";
                _referenced[key] = text;
            }

            texts.Add(text);
        }

        return texts;
    }
}
