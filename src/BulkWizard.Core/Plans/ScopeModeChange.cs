using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Plans;

/// <summary>
/// Sets or clears one scope's own mode: a subject's, a context's (<c>:.ctx:</c>), the default context's (<c>/mode</c>,
/// subject empty) or every context's (<c>:.__GLOBAL:</c>). Before and after are the scope's own mode as read without
/// <c>defaultToGlobal</c> (null: none, the scope inherits); a null after clears it with <c>DELETE /mode/{s}</c>. Undo
/// puts back exactly the mode before, unset included.
/// </summary>
/// <param name="BeforeMode">The scope's own mode expected before the write; null when it has none.</param>
/// <param name="AfterMode">The mode to store; null to clear the scope's own mode (it then inherits).</param>
/// <param name="Force">
/// Sent with a switch to IMPORT: true skips the registry's checks and purges nothing; false lets the registry refuse
/// while live versions exist and hard-delete the soft-deleted versions of the scope first.
/// </param>
/// <param name="LeavesWritesBlocked">
/// Whether, after this change, the scope or a subject that takes its mode from it is in READONLY or IMPORT (its
/// effective mode, as the planner resolved it): such a change needs a dry run and a typed YES.
/// </param>
[ChangeKind(KindName)]
public sealed record ScopeModeChange(string Subject, string? BeforeMode, string? AfterMode, bool Force, bool LeavesWritesBlocked)
    : PlannedChange(Subject)
{
    public const string KindName = "scope_mode";

    /// <summary>Subjects whose effective mode turns READONLY or IMPORT through this change, for the producer check.</summary>
    public IReadOnlyList<string> NewlyBlocked { get; init; } = [];

    /// <summary>
    /// True for a change that puts back a backed-up mode over whatever is stored now (a restore): it may replace changes
    /// others made since, so it is confirmed like a destructive change.
    /// </summary>
    public bool ReplacesLiveState { get; init; }

    /// <summary>Lower ranks run first: a mode switch that follows the purge of a scope ranks below the deletes' waves.</summary>
    public int Rank { get; init; }

    [JsonIgnore]
    public override bool IsDestructive => LeavesWritesBlocked || ReplacesLiveState;

    [JsonIgnore]
    public override ScopeParts Touches => ScopeParts.Mode;

    [JsonIgnore]
    public override JsonNode? Before => BeforeMode;

    [JsonIgnore]
    public override JsonNode? After => AfterMode;

    [JsonIgnore]
    public override (int Rank, int Version) UndoOrder => (Rank, 0);

    public override string Describe() =>
        $"{ScopeName(Subject)}: mode {BeforeMode ?? "(inherited)"} → {AfterMode ?? "(inherited)"}" +
        (AfterMode == RegistryMode.Import.Name ? Force ? " (force)" : " (without force)" : "");

    /// <summary>How previews name a scope: the subject, <c>:.ctx:</c>, or the default context's <c>/mode</c>.</summary>
    public static string ScopeName(string subject) => subject.Length == 0 ? "default context (/mode)" : subject;

    public override async Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        (await gateway.GetModeAsync(Scope, cancellationToken))?.Name;

    public override async Task<TargetRead> ReadAsync(IRegistryGateway gateway, bool forBackup, CancellationToken cancellationToken)
    {
        var stored = (await gateway.GetModeAsync(Scope, cancellationToken))?.Name;
        var backup = forBackup ? new SubjectBackup(Subject, [], null, stored) { Captured = ScopeParts.Mode, Registry = Registry } : null;
        return new TargetRead(stored, backup);
    }

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        WriteAsync(gateway, AfterMode, Force, cancellationToken);

    /// <summary>Puts back the mode before; a switch back to IMPORT is forced, so undo never purges anything.</summary>
    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) =>
        WriteAsync(gateway, BeforeMode, force: true, cancellationToken);

    private async Task WriteAsync(IRegistryGateway gateway, string? mode, bool force, CancellationToken cancellationToken)
    {
        if (mode is null)
        {
            await gateway.DeleteModeAsync(Scope, cancellationToken);
            return;
        }

        await gateway.SetModeAsync(Scope, new RegistryMode(mode), force, cancellationToken);
    }
}
