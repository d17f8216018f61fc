using System.ComponentModel;
using BulkWizard.Core.Configuration.Compliance;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Server.Configuration;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>Checking subjects' effective configs against the organization's compliance rules, without changing anything.</summary>
[McpServerToolType]
public sealed class ComplianceTools(IRegistryGatewayProvider registries, BulkWizardOptions options)
{
    [McpServerTool(Name = "check_compliance", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Checks the subjects a pattern selects against the organization's compliance rules (the file in BulkWizard:Compliance:RulesFile, or the built-in defaults: compatibility BACKWARD or stricter, judged by the guarantees each level gives, so FORWARD does not count; normalize on; validateFields on; an owner property in defaultMetadata or overrideMetadata). Each subject is judged on its effective config: its own, else its context's, else the all-contexts one, else the server default. Lists each violation with what is in effect and where it comes from, and what the rule expects. Changes nothing.")]
    public Task<ComplianceReport> CheckCompliance(
        [Description(ToolText.Pattern)] string pattern,
        [Description(ToolText.Registry)] string? registry = null,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registry ?? registries.Default.Name, async () =>
        {
            var rules = Rules();
            var selection = SubjectPattern.Parse(pattern);
            var gateway = registries.Get(registry);
            var subjects = (await SubjectCatalog.ReadAsync(gateway, includeDeleted: false, cancellationToken)).MatchSome(selection, gateway.Registry.Name);

            var violations = await new ComplianceChecker(gateway).CheckAsync(subjects, rules, cancellationToken);
            return ComplianceReport.Of(gateway.Registry.Name, subjects.Count, violations, rules);
        });

    private ComplianceRules Rules()
    {
        try
        {
            return ComplianceRules.Load(options.Compliance.RulesFile);
        }
        catch (ComplianceRulesException e)
        {
            throw new McpException($"{e.Message} (set in BulkWizard:Compliance:RulesFile)", e);
        }
    }
}
