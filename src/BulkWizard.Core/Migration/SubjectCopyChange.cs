using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;

namespace BulkWizard.Core.Migration;

/// <summary>
/// Copies one subject into an empty target subject without its ids (<c>preserve_ids: false</c>): its config first (so
/// the copied compatibility level judges the registrations), then each version registered as a producer would, in
/// order, so the target assigns ids and numbers them 1, 2, … (planned, and checked on each answer), then its mode.
/// Verified by reading back version numbers, deleted flags, rule sets, config and mode; undo removes what it registered.
/// </summary>
/// <param name="Versions">The versions as they will be registered: renumbered, references rewritten; their ids are the source's, for the record only.</param>
[ChangeKind("subject_copy")]
internal sealed record SubjectCopyChange(string Subject, string Source, IReadOnlyList<SchemaVersion> Versions, JsonObject? Config, string? Mode, int Rank)
    : PlannedChange(Subject)
{
    /// <summary>
    /// What governs registrations differently for the copy than for the source subject (<see cref="EffectiveConfigDifferences"/>),
    /// told by the preview; null when nothing differs.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ConfigDifferences { get; init; }

    /// <summary>Only when the copied mode makes the target read-only or IMPORT; registering versions deletes nothing.</summary>
    [JsonIgnore]
    public override bool IsDestructive => Mode is "READONLY" or "READONLY_OVERRIDE" or "IMPORT";

    [JsonIgnore]
    public override JsonNode? Before => CleanupState.Of([], null, null);

    [JsonIgnore]
    public override JsonNode? After => CleanupState.Of(Versions.Select(v => (v.Version, v.Deleted == true)), Config, Mode);

    [JsonIgnore]
    public override (int Rank, int Version) UndoOrder => (Rank, 0);

    public override string Describe() =>
        $"{Source} → {Subject}{(Registry is null ? "" : $" on registry '{Registry}'")}: register {Versions.Count} version(s) with new ids, as version(s) " +
        string.Join(", ", Versions.Select(v => v.Version)) + (Config is null ? "" : $"; config {Config.ToJsonString()}") + (Mode is null ? "" : $"; mode {Mode}") +
        EffectiveConfigDifferences.Describe(ConfigDifferences);

    public override async Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        await CleanupState.ReadAsync(gateway, Target, cancellationToken);

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        ApplyAsync(gateway, IStepRecorder.None, cancellationToken);

    public override async Task ApplyAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken)
    {
        var scope = RegistryScope.ForSubject(Target);
        if (Config is not null)
        {
            await steps.RecordAsync("copy config", new JsonObject { ["config"] = Config.DeepClone() }, cancellationToken);
            await gateway.PutConfigAsync(scope, new RegistryConfig((JsonObject)Config.DeepClone()).AsReplacement(), cancellationToken);
        }

        foreach (var version in Versions)
        {
            await steps.RecordAsync($"register version {version.Version}", new JsonObject { ["version"] = version.Version }, cancellationToken);
            var registered = (await gateway.RegisterAsync(Target, new RegisterSchemaRequest(version.Schema, version.SchemaType, version.References, version.Metadata, version.RuleSet), cancellationToken))
                .GetValueOrThrow(gateway.Registry.Name, $"registering version {version.Version} of {Subject}");
            if (registered.Version is { } number && number != version.Version)
            {
                throw new InvalidOperationException($"{Subject}: the registry numbered the copy of version {version.Version} as version {number}; the copy stops.");
            }

            await steps.RecordCreatedAsync(Subject, version.Version, registered.Id, cancellationToken);
            if (version.Deleted == true)
            {
                await steps.RecordDeletedAsync(Subject, version.Version, permanent: false, cancellationToken);
                (await gateway.DeleteVersionAsync(Target, version.Version, DeleteKind.Soft, cancellationToken))
                    .GetValueOrThrow(gateway.Registry.Name, $"soft-deleting version {version.Version} of {Subject}");
            }
        }

        if (Mode is not null)
        {
            await steps.RecordAsync("copy mode", new JsonObject { ["mode"] = Mode }, cancellationToken);
            await gateway.SetModeAsync(scope, new RegistryMode(Mode), force: Mode == RegistryMode.Import.Name, cancellationToken);
        }
    }

    /// <summary>Copies, then reads the subject back once: its numbers for the executor, and that no rule set was dropped on the way in.</summary>
    public override async Task<JsonNode?> ApplyAndReadAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken)
    {
        await ApplyAsync(gateway, steps, cancellationToken);
        var stored = await ScopeStateReader.ReadAsync(gateway, Scope, ScopeParts.All, cancellationToken);
        CopyVerification.Check(Subject, Versions, stored.Versions, exact: false);
        return CleanupState.Of(stored);
    }

    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) =>
        UndoAsync(gateway, backup, IStepRecorder.None, cancellationToken);

    /// <summary>Removes what the copy registered and puts config and mode back as backed up (an empty subject: none).</summary>
    public override async Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken)
    {
        if (backup is null)
        {
            throw new InvalidOperationException($"{Subject}: undoing a copy needs the backup taken before it, and this run has none for the subject.");
        }

        var live = await SubjectSnapshot.ReadAsync(gateway, Target, cancellationToken);
        await SubjectRestorer.RestoreAsync(gateway, Target, live, backup, [.. Versions.Select(v => v.Version)], steps, cancellationToken);
    }
}
