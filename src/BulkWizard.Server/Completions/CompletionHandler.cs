using BulkWizard.Compatibility;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Templates;
using BulkWizard.Server.Resources;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Completions;

/// <summary>
/// <c>completion/complete</c> for the prompts' arguments and the resource templates' variables: registries, contexts,
/// subject patterns from the registry's names, compatibility levels, naming conventions, and plan, task, backup and
/// template ids, each filtered by what was typed and capped at <see cref="CompletionValues.Max"/>.
/// </summary>
internal static class CompletionHandler
{
    private static readonly string[] Conventions = ["topic_name", "record_name", "topic_record_name", "kebab_case", "snake_case", "camel_case", "prefix:", "context:"];

    public static async ValueTask<CompleteResult> CompleteAsync(RequestContext<CompleteRequestParams> request, CancellationToken cancellationToken)
    {
        if (request.Params is not { } parameters || request.Services is not { } services)
        {
            return CompletionValues.None;
        }

        var typed = parameters.Argument.Value ?? "";
        var registry = Given(parameters, "registry") ?? Given(parameters, "source");
        var registries = services.GetRequiredService<IRegistryGatewayProvider>();
        return (parameters.Ref, parameters.Argument.Name) switch
        {
            (PromptReference, "registry" or "source" or "target") =>
                CompletionValues.Of(registries.Registries.Select(r => r.Name), typed, StringComparison.OrdinalIgnoreCase),
            (PromptReference, "context") => await ContextsAsync(registries, registry, typed, cancellationToken),
            (PromptReference, "pattern") => await PatternsAsync(registries, registry, typed, cancellationToken),
            (PromptReference, "level") =>
                CompletionValues.Of(Enum.GetValues<CompatibilityLevel>().Select(l => l.Format()), typed, StringComparison.OrdinalIgnoreCase),
            (PromptReference, "convention") => CompletionValues.Of(Conventions, typed, StringComparison.OrdinalIgnoreCase),
            (ResourceTemplateReference { Uri: ResourceUris.PlanTemplate }, "plan_id") =>
                CompletionValues.Of(PlanIds(services.GetRequiredService<DataDirectory>()), typed, StringComparison.Ordinal),
            (ResourceTemplateReference { Uri: ResourceUris.BackupTemplate }, "backup_id") =>
                CompletionValues.Of((await services.GetRequiredService<IBackupStore>().ListAsync(cancellationToken)).Select(b => b.Id), typed, StringComparison.Ordinal),
            (ResourceTemplateReference { Uri: ResourceUris.TaskTemplate }, "task_id") =>
                CompletionValues.Of(services.GetRequiredService<TaskManager>().List().Select(t => t.Id), typed, StringComparison.Ordinal),
            (ResourceTemplateReference { Uri: ResourceUris.TemplateTemplate }, "name") =>
                CompletionValues.Of((await services.GetRequiredService<FileTemplateStore>().ListAsync(cancellationToken)).Select(t => t.Name), typed, StringComparison.Ordinal),
            _ => CompletionValues.None,
        };
    }

    /// <summary>An argument the client has already resolved (the registry a context or pattern is completed in).</summary>
    private static string? Given(CompleteRequestParams parameters, string name) =>
        parameters.Context?.Arguments is { } given && given.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Plan ids, newest first (the file names of the plans folder; no plan is read).</summary>
    private static IEnumerable<string> PlanIds(DataDirectory data) => Directory.Exists(data.PlansPath)
        ? new DirectoryInfo(data.PlansPath).EnumerateFiles("plan_*.json")
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Select(f => Path.GetFileNameWithoutExtension(f.Name))
            .Where(PlanIdentity.IsId)
        : [];

    private static async Task<CompleteResult> ContextsAsync(IRegistryGatewayProvider registries, string? registry, string typed, CancellationToken cancellationToken)
    {
        if (await ReadAsync(() => registries.Get(registry).ListContextsAsync(cancellationToken)) is not { } contexts)
        {
            return CompletionValues.None;
        }

        // "stag" means .staging: contexts are written with their dot, people often type without it.
        var dotted = typed.Length == 0 || typed.StartsWith('.') ? typed : "." + typed;
        return CompletionValues.Of(contexts.Order(StringComparer.Ordinal), dotted, StringComparison.Ordinal);
    }

    private static async Task<CompleteResult> PatternsAsync(IRegistryGatewayProvider registries, string? registry, string typed, CancellationToken cancellationToken)
    {
        IRegistryGateway gateway;
        try
        {
            gateway = registries.Get(registry);
        }
        catch (RegistryNotConfiguredException)
        {
            return CompletionValues.None;
        }

        if (typed.StartsWith(':'))
        {
            var close = typed.IndexOf(':', 1);
            if (close < 0)
            {
                // Still typing the context: offer every context's subjects, and every context's.
                var contexts = await ReadAsync(() => gateway.ListContextsAsync(cancellationToken)) ?? [];
                return CompletionValues.Of(contexts.Order(StringComparer.Ordinal).Prepend("*").Select(c => $":{c}:*"), typed, StringComparison.Ordinal);
            }

            var prefix = typed[..(close + 1)];
            var inContext = await ReadAsync(() => gateway.ListSubjectsAsync(new SubjectQuery(prefix), cancellationToken)) ?? [];
            return CompletionValues.Of(SubjectPatternSuggestions.For(inContext.Select(s => $":{s.Context}:{s.Name}"), typed), typed, StringComparison.Ordinal);
        }

        var subjects = await ReadAsync(() => gateway.ListSubjectsAsync(new SubjectQuery(""), cancellationToken)) ?? [];
        IEnumerable<string> suggestions = SubjectPatternSuggestions.For(subjects.Select(s => s.Name), typed);
        return CompletionValues.Of(typed.Length == 0 ? ["*", .. suggestions] : suggestions, typed, StringComparison.Ordinal);
    }

    /// <summary>A registry that cannot be read (unknown, unreachable) completes nothing rather than failing what the user types.</summary>
    private static async Task<IReadOnlyList<T>?> ReadAsync<T>(Func<Task<IReadOnlyList<T>>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is RegistryNotConfiguredException or HttpRequestException or TaskCanceledException or TimeoutException or Confluent.SchemaRegistry.SchemaRegistryException)
        {
            return null;
        }
    }
}
