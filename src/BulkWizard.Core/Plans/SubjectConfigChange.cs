using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Plans;

/// <summary>
/// Sets fields of one subject's own config (e.g. its compatibility level). Before is the stored
/// subject config read without <c>defaultToGlobal</c> (null: none, the subject inherits); undo restores
/// that exact body, or deletes the subject config when there was none.
/// </summary>
public sealed record SubjectConfigChange(string Subject, JsonObject? BeforeConfig, JsonObject AfterConfig, string BeforeText, string AfterText)
    : PlannedChange(Subject)
{
    public const string KindName = "subject_config";

    public override bool IsDestructive => false;

    public override JsonNode? Before => BeforeConfig?.DeepClone();

    public override JsonNode? After => AfterConfig.DeepClone();

    public override string Describe() => $"{Subject}: {BeforeText} → {AfterText}";

    public override async Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        (await gateway.GetConfigAsync(RegistryScope.ForSubject(Target), cancellationToken))?.Fields;

    public override async Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        // PUT merges: fields absent from AfterConfig keep their stored values, so the full body is sent.
        await gateway.PutConfigAsync(RegistryScope.ForSubject(Target), new RegistryConfig(AfterConfig).AsReplacement(), cancellationToken);

    public override async Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken)
    {
        var scope = RegistryScope.ForSubject(Target);
        if (BeforeConfig is null)
        {
            await gateway.DeleteConfigAsync(scope, cancellationToken);
        }
        else
        {
            await gateway.PutConfigAsync(scope, new RegistryConfig(BeforeConfig).AsReplacement(), cancellationToken);
        }
    }
}
