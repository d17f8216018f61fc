using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Restore;

/// <summary>
/// A change that brings a whole subject (versions, config, mode) to a state through the restore path: its comparable
/// state is the <see cref="SubjectSnapshot"/>, and one read of the whole subject serves as both the drift check and
/// the backup entry.
/// </summary>
internal abstract record WholeSubjectChange(string Subject) : PlannedChange(Subject)
{
    public override async Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        (await SubjectSnapshot.ReadAsync(gateway, Target, cancellationToken)).ToJson();

    public override async Task<TargetRead> ReadAsync(IRegistryGateway gateway, bool forBackup, CancellationToken cancellationToken)
    {
        var read = await ScopeStateReader.ReadAsync(gateway, Scope, ScopeParts.All, cancellationToken) with { Registry = Registry };
        return new TargetRead(SubjectSnapshot.Of(read).ToJson(), forBackup ? read : null);
    }
}
