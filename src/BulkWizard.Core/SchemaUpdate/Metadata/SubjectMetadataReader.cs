using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>
/// Reads what a metadata update needs per subject: config and mode (through <see cref="SubjectSettingsReader"/>),
/// the config each context hands down (for its <c>defaultMetadata</c> / <c>overrideMetadata</c>), and, for new
/// versions, the latest live version and the version numbers, <see cref="SubjectSettingsReader.MaxParallel"/> subjects at a time.
/// </summary>
internal sealed class SubjectMetadataReader(IRegistryGateway gateway)
{
    private const string AllContexts = ".__GLOBAL";

    private readonly SubjectSettingsReader _settings = new(gateway);

    /// <summary>Mean time of one config or mode request while reading, in milliseconds.</summary>
    public double MeanLatencyMs => _settings.MeanLatencyMs;

    public async Task<IReadOnlyList<SubjectMetadataState>> ReadAsync(IReadOnlyList<QualifiedSubject> subjects, bool readVersions, CancellationToken cancellationToken)
    {
        var settings = await _settings.ReadAsync(subjects, cancellationToken);
        var inherited = new Dictionary<string, InheritedConfig>(StringComparer.Ordinal);
        foreach (var context in subjects.Select(s => s.Context).Distinct())
        {
            inherited[context] = await ReadInheritedAsync(context, cancellationToken);
        }

        var results = new SubjectMetadataState[settings.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, settings.Count),
            new ParallelOptions { MaxDegreeOfParallelism = SubjectSettingsReader.MaxParallel, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var subject = settings[i];
                var fromContext = inherited[subject.Subject.Context];
                var defaults = subject.OwnConfig is { } own ? MetadataDefaults.From(own, "subject config") : MetadataDefaults.From(fromContext.Config, fromContext.Source);
                SchemaVersion? latest = null;
                var next = 1;
                if (readVersions)
                {
                    latest = await gateway.GetVersionAsync(subject.Subject, VersionSelector.Latest, includeDeleted: false, token);
                    var versions = await gateway.ListVersionsAsync(subject.Subject, DeletedFilter.IncludeDeleted, token);
                    next = versions.Count == 0 ? 1 : versions.Max() + 1;
                }

                results[i] = new SubjectMetadataState(subject, latest, next, defaults, fromContext);
            });
        return results;
    }

    private async Task<InheritedConfig> ReadInheritedAsync(string context, CancellationToken cancellationToken)
    {
        var isDefault = context == QualifiedSubject.DefaultContext;
        var name = isDefault ? "global config" : $"context {context} config";
        var config = (await gateway.GetConfigAsync(RegistryScope.ForContext(context), cancellationToken))?.Fields;

        // The global config always answers (the server default when none is stored), so for the default context
        // the all-contexts config is consulted when the global one carries no metadata.
        if (config is not null && (!isDefault || HasMetadata(config)))
        {
            return new InheritedConfig(config, name);
        }

        var all = (await gateway.GetConfigAsync(RegistryScope.ForContext(AllContexts), cancellationToken))?.Fields;
        return all is not null && HasMetadata(all) ? new InheritedConfig(all, "all-contexts config") : new InheritedConfig(config, name);
    }

    private static bool HasMetadata(JsonObject config) => config["defaultMetadata"] is not null || config["overrideMetadata"] is not null;
}
