using System.ComponentModel;
using BulkWizard.Core.Configuration.Retention;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Storage;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Tools;

/// <summary>Checking subjects against the stored retention policies, without changing anything.</summary>
[McpServerToolType]
public sealed class RetentionTools(IRegistryGatewayProvider registries, DataDirectory data, TimeProvider clock)
{
    [McpServerTool(Name = "check_retention", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Checks the subjects a pattern selects against the retention policies stored for the registry (retention-policies.json in the data directory): each subject is judged by the most specific policy whose pattern selects it (a literal name, then the longer literal text, then one context over :*:). A violation lists the live versions over the limit, exactly those a cleanup of old versions (keep_last) or a version archival (older_than) with the policy's limits would delete, and which of them other schemas still reference (a cleanup keeps those). The newest live version never counts as too old; older_than_days needs registry 8.0+. Subjects without a policy are not checked: the message says how many. Changes nothing.")]
    public Task<RetentionReport> CheckRetention(
        [Description(ToolText.Pattern)] string pattern,
        [Description(ToolText.Registry)] string? registry = null,
        CancellationToken cancellationToken = default) =>
        ToolErrors.GuardAsync(registry ?? registries.Default.Name, async () =>
        {
            var policies = Policies();
            var selection = SubjectPattern.Parse(pattern);
            var gateway = registries.Get(registry);
            var subjects = (await SubjectCatalog.ReadAsync(gateway, includeDeleted: false, cancellationToken)).MatchSome(selection, gateway.Registry.Name);

            try
            {
                return await new RetentionChecker(gateway, clock).ReportAsync(subjects, policies, cancellationToken);
            }
            catch (NotSupportedException e)
            {
                throw new McpException(e.Message, e);
            }
        });

    private IReadOnlyList<RetentionPolicy> Policies()
    {
        try
        {
            return new RetentionPolicyStore(data.Root).Load();
        }
        catch (InvalidDataException e)
        {
            throw new McpException(e.Message, e);
        }
    }
}
