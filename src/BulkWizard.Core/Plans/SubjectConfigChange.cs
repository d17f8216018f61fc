using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Plans;

/// <summary>
/// Sets one scope's own config (a subject's, a context's <c>:.ctx:</c> or the global one): e.g. a compatibility
/// level, default metadata, or a backed-up body put back. Before is the stored config read without
/// <c>defaultToGlobal</c> (null: none, the scope inherits); after is the full body to store, or null to remove it.
/// Undo restores the exact body before, or deletes the config when there was none.
/// </summary>
/// <remarks>
/// Costs two requests per item on registries whose <c>PUT /config</c> answers with the stored config: the read
/// before the write (drift check and backup entry at once) and the write, whose answer is the verification.
/// </remarks>
[ChangeKind(KindName)]
public sealed record SubjectConfigChange(string Subject, JsonObject? BeforeConfig, JsonObject? AfterConfig, string BeforeText, string AfterText)
    : PlannedChange(Subject)
{
    public const string KindName = "subject_config";

    /// <summary>
    /// True for a change that puts back a backed-up body over whatever is stored now (a restore): it may replace
    /// changes others made since, so it is confirmed like a destructive change (dry run, then YES).
    /// </summary>
    public bool ReplacesLiveState { get; init; }

    public override bool IsDestructive => ReplacesLiveState;

    public override ScopeParts Touches => ScopeParts.Config;

    public override JsonNode? Before => Comparable(BeforeConfig);

    public override JsonNode? After => Comparable(AfterConfig);

    public override string Describe() => $"{Subject}: {BeforeText} → {AfterText}";

    public override async Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        Comparable((await gateway.GetConfigAsync(Scope, cancellationToken))?.Fields);

    public override async Task<TargetRead> ReadAsync(IRegistryGateway gateway, bool forBackup, CancellationToken cancellationToken)
    {
        var stored = (await gateway.GetConfigAsync(Scope, cancellationToken))?.Fields;
        var backup = forBackup ? new SubjectBackup(Subject, [], stored, null) { Captured = ScopeParts.Config, Registry = Registry } : null;
        return new TargetRead(Comparable(stored), backup);
    }

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        WriteAsync(gateway, AfterConfig, cancellationToken);

    /// <summary>
    /// Writes the body and returns what the registry stored. A rule set the body carries but the registry did not keep
    /// (the community edition drops them silently) fails the item with that reason, after the body before is put back:
    /// a half-applied policy (metadata without its rules) is never left behind.
    /// </summary>
    /// <exception cref="RuleSetDroppedException">The registry dropped a rule set of the body.</exception>
    public override async Task<JsonNode?> ApplyAndReadAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken)
    {
        var stored = await WriteAsync(gateway, AfterConfig, cancellationToken);
        var dropped = RuleSetFields.Where(f => AfterConfig?[f] is not null && (stored as JsonObject)?[f] is null).ToList();
        if (dropped.Count == 0)
        {
            return stored;
        }

        await WriteAsync(gateway, BeforeConfig, cancellationToken);
        throw new RuleSetDroppedException(Subject, dropped);
    }

    private static readonly string[] RuleSetFields = ["defaultRuleSet", "overrideRuleSet"];

    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) =>
        WriteAsync(gateway, BeforeConfig, cancellationToken);

    public override Task<JsonNode?> UndoAndReadAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken) =>
        WriteAsync(gateway, BeforeConfig, cancellationToken);

    /// <summary>
    /// Stores <paramref name="config"/> exactly (or removes the scope's config) and returns the stored state. A
    /// <c>DELETE</c> that succeeds leaves none; a <c>PUT</c> answer is the stored config only on registries that say
    /// so by their version (<see cref="ServerCapabilities.ConfigWriteAnswersStoredConfig"/>) and only when it carries
    /// the level a read would show; otherwise the config is read again.
    /// </summary>
    private async Task<JsonNode?> WriteAsync(IRegistryGateway gateway, JsonObject? config, CancellationToken cancellationToken)
    {
        if (config is null)
        {
            await gateway.DeleteConfigAsync(Scope, cancellationToken);
            return null;
        }

        // PUT merges: fields absent from the body keep their stored values, so the full body is sent.
        var answer = await gateway.PutConfigAsync(Scope, new RegistryConfig(config).AsReplacement(), cancellationToken);
        var capabilities = await gateway.GetCapabilitiesAsync(cancellationToken);
        return capabilities.ConfigWriteAnswersStoredConfig && answer.Compatibility is not null
            ? Comparable(answer.Fields)
            : await ReadStateAsync(gateway, cancellationToken);
    }

    /// <summary>The body without members set to null: a registry may spell an unset field either way.</summary>
    private static JsonObject? Comparable(JsonObject? config)
    {
        if (config is null)
        {
            return null;
        }

        var copy = new JsonObject();
        foreach (var (name, value) in config)
        {
            if (value is not null)
            {
                copy[name] = value.DeepClone();
            }
        }

        return copy;
    }
}
