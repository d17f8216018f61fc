using System.Collections.Concurrent;
using System.Diagnostics;
using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// Reads each selected subject's config and mode (two requests per subject, <see cref="MaxParallel"/> at a
/// time) and resolves what is in effect as the registry does: subject, then its context (<c>:.ctx:</c> for a
/// named context, <c>/config</c> and <c>/mode</c> for the default one), then <c>:.__GLOBAL:</c>, then the server
/// default. A named context never inherits <c>PUT /config</c>. Also measures the registry's latency.
/// </summary>
internal sealed class SubjectSettingsReader(IRegistryGateway gateway)
{
    public const int MaxParallel = 8;
    private const string AllContexts = ".__GLOBAL";

    private readonly ConcurrentBag<double> _latenciesMs = [];

    /// <summary>Mean time of one request while reading, in milliseconds.</summary>
    public double MeanLatencyMs => _latenciesMs.IsEmpty ? 0 : _latenciesMs.Average();

    public async Task<IReadOnlyList<SubjectSettings>> ReadAsync(IReadOnlyList<QualifiedSubject> subjects, CancellationToken cancellationToken)
    {
        var scopes = new Dictionary<string, ScopeSettings>(StringComparer.Ordinal);
        foreach (var context in subjects.Select(s => s.Context).Distinct())
        {
            scopes[context] = await ReadScopeAsync(context, cancellationToken);
        }

        var results = new SubjectSettings[subjects.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, subjects.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallel, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var subject = subjects[i];
                var scope = RegistryScope.ForSubject(subject);
                var config = await TimedAsync(() => gateway.GetConfigAsync(scope, token));
                var mode = await TimedAsync(() => gateway.GetModeAsync(scope, token));
                var inherited = scopes[subject.Context];
                var ownLevel = config?.Compatibility;
                results[i] = new SubjectSettings(
                    subject,
                    config?.Fields,
                    mode?.Name,
                    ownLevel ?? inherited.Level,
                    ownLevel is null ? inherited.LevelSource : "subject",
                    mode?.Name ?? inherited.Mode,
                    mode is null ? inherited.ModeSource : "subject")
                {
                    InheritedMode = inherited.Mode,
                    InheritedModeSource = inherited.ModeSource,
                };
            });
        return results;
    }

    private async Task<ScopeSettings> ReadScopeAsync(string context, CancellationToken cancellationToken)
    {
        var contextScope = RegistryScope.ForContext(context);
        var contextName = context == QualifiedSubject.DefaultContext ? "global" : $"context {context}";
        var config = await TimedAsync(() => gateway.GetConfigAsync(contextScope, cancellationToken));
        var mode = await TimedAsync(() => gateway.GetModeAsync(contextScope, cancellationToken));
        if (config?.Compatibility is not null && mode is not null)
        {
            return new ScopeSettings(config.Compatibility, contextName, mode.Name, contextName);
        }

        var allScope = RegistryScope.ForContext(AllContexts);
        var allConfig = config?.Compatibility is null ? await TimedAsync(() => gateway.GetConfigAsync(allScope, cancellationToken)) : null;
        var allMode = mode is null ? await TimedAsync(() => gateway.GetModeAsync(allScope, cancellationToken)) : null;
        var (level, levelSource) = config?.Compatibility is { } own ? (own, contextName)
            : allConfig?.Compatibility is { } all ? (all, "all contexts")
            : (CompatibilityLevels.ServerDefault.Format(), "server default");
        var (modeName, modeSource) = mode is not null ? (mode.Name, contextName)
            : allMode is not null ? (allMode.Name, "all contexts")
            : (RegistryMode.ReadWrite.Name, "server default");
        return new ScopeSettings(level, levelSource, modeName, modeSource);
    }

    private async Task<T> TimedAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await call();
        _latenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }
}
