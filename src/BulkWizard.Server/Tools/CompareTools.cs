using System.ComponentModel;
using BulkWizard.Core.Migration.Compare;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Server.Tools.Results;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>Comparing two registries, or two contexts of one, without changing anything.</summary>
[McpServerToolType]
public sealed class CompareTools(IRegistryGatewayProvider registries)
{
    [McpServerTool(Name = "compare_registries", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Compares the schema versions a pattern selects in a context of the source registry with the same subjects in a context of the target registry (two registries, or two contexts of one): versions missing from the target, extra in the target, and differing ones with what differs (schema, id, references, metadata, rule_set, guid, deleted, or version when the target holds the schema under another version number). Each side is read once. Ids are per context, so an id difference says only that the id was not preserved. Changes nothing.")]
    public Task<ComparisonReport> CompareRegistries(
        [Description("Configured registry to compare from (see list_registries).")] string source_registry,
        [Description("Configured registry to compare with; may be source_registry when the contexts differ.")] string target_registry,
        [Description("Subjects to compare, selected in source_context: orders-* (unqualified terms select in source_context), :.ctx:orders-* (ctx must be source_context), :*:orders-*; comma-separated, !term excludes. The same names are compared in target_context.")] string pattern,
        [Description("Context read from the source registry: .name or :.name:; the default context when omitted.")] string? source_context = null,
        [Description("Context read from the target registry: .name or :.name:; the default context when omitted.")] string? target_context = null,
        [Description("Also compare soft-deleted versions, and whether each is deleted (default false: live versions only).")] bool include_deleted = false,
        [Description("Items returned per list, 1 to 1000 (default 100); the totals count them all.")] int limit = CompareOptions.DefaultLimit,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(source_registry, async () =>
        {
            if (limit is < 1 or > CompareOptions.MaxLimit)
            {
                throw new ArgumentException($"limit: {limit} is out of range: give 1 to {CompareOptions.MaxLimit}.");
            }

            var source = ComparedScopes.Resolve(registries, "source", source_registry, source_context);
            var target = ComparedScopes.Resolve(registries, "target", target_registry, target_context);
            ComparedScopes.EnsureDistinct(source, target);
            var names = ComparedNames.Of(SubjectPattern.Parse(pattern), source.Context);
            // Read apart, so that a registry's failure is reported under its own name.
            var sourceRead = ToolErrors.GuardAsync(source_registry, () => ComparedSide.ReadAsync(source, names, include_deleted, cancellationToken));
            var targetRead = ToolErrors.GuardAsync(target_registry, () => ComparedSide.ReadAsync(target, names, include_deleted, cancellationToken));
            await Task.WhenAll(sourceRead, targetRead);
            var comparison = RegistryComparer.Compare(await sourceRead, await targetRead, limit);
            return ComparisonReport.Of(ComparedScopes.End(source), ComparedScopes.End(target), comparison);
        });
}
