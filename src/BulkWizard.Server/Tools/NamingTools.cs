using System.ComponentModel;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.SchemaUpdate.Naming;
using BulkWizard.Core.Selection;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>Checking subject names against a naming convention, without changing anything.</summary>
[McpServerToolType]
public sealed class NamingTools(IRegistryGatewayProvider registries)
{
    [McpServerTool(Name = "check_naming", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Checks the subjects a pattern selects against a naming convention and lists the violations with a suggested conforming name (applied later as an alias by a naming update). Record-based conventions read each subject's latest schema. Changes nothing.")]
    public Task<NamingReport> CheckNaming(
        [Description(ToolText.Pattern)] string pattern,
        [Description(SchemaUpdateArguments.Descriptions.Convention)] string convention,
        [Description(ToolText.Registry)] string? registry = null,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registry ?? registries.Default.Name, async () =>
        {
            var parsed = NamingConvention.Parse(convention);
            var selection = SubjectPattern.Parse(pattern);
            var gateway = registries.Get(registry);
            var catalog = await SubjectCatalog.ReadAsync(gateway, includeDeleted: false, cancellationToken);
            return await new NamingChecker(gateway).ReportAsync(catalog.Match(selection), parsed, cancellationToken);
        });
}
