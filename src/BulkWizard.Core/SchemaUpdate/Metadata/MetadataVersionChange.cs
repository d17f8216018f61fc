using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>
/// Registers a new version of a subject: the schema text, type and references of its latest version again, with new
/// metadata. A normal registration (not IMPORT): metadata is part of a schema's identity, so the registry gives it a new
/// version and, unless the same schema with the same metadata exists in the context, a new id.
/// </summary>
/// <remarks>
/// The state compared before and after is the subject's latest live version (number, id, metadata) and the number the
/// next registration will get (the highest version, soft-deleted included, plus one). The id of the version this change
/// creates cannot be known when planning, so the state leaves it out for that version number; the id is journaled
/// as a step once the registry answers.
/// </remarks>
/// <param name="BaseVersion">The latest live version when planned; its schema is registered again.</param>
/// <param name="BaseId">Its schema id: the same id guarantees the same schema text and references.</param>
/// <param name="BaseMetadata">Its metadata, in the registry's shape.</param>
/// <param name="NextVersion">The version this change creates.</param>
/// <param name="SentMetadata">The metadata sent with the registration (the base's, edited).</param>
/// <param name="ExpectedMetadata">What the registry stores: <see cref="SentMetadata"/> merged under the config's defaults and overrides.</param>
[ChangeKind(KindName)]
internal sealed record MetadataVersionChange(
    string Subject, int BaseVersion, int BaseId, JsonObject? BaseMetadata, int NextVersion, JsonObject? SentMetadata, JsonObject? ExpectedMetadata)
    : PlannedChange(Subject)
{
    public const string KindName = "metadata_version";

    /// <summary>
    /// Applying only adds a version, so plans need no typed YES. Undoing it deletes: the version this change created is
    /// soft-deleted then permanently deleted, and only while it is still the latest, unchanged.
    /// </summary>
    [JsonIgnore]
    public override bool IsDestructive => false;

    [JsonIgnore]
    public override JsonNode? Before => State(BaseVersion, BaseId, BaseMetadata, NextVersion);

    [JsonIgnore]
    public override JsonNode? After => State(NextVersion, null, ExpectedMetadata, NextVersion + 1);

    [JsonIgnore]
    public override (int Rank, int Version) UndoOrder => (0, NextVersion);

    public override string Describe() =>
        $"{Subject}: version {BaseVersion} (id {BaseId}) → new version {NextVersion}, metadata {RegistryMetadata.Show(BaseMetadata)} → {RegistryMetadata.Show(ExpectedMetadata)}";

    public override async Task<JsonNode?> ReadStateAsync(IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        var latest = await gateway.GetVersionAsync(Target, VersionSelector.Latest, includeDeleted: false, cancellationToken);
        if (latest is null)
        {
            return null;
        }

        var versions = await gateway.ListVersionsAsync(Target, DeletedFilter.IncludeDeleted, cancellationToken);
        var next = versions.Count == 0 ? 1 : versions.Max() + 1;
        return State(latest.Version, latest.Version == NextVersion ? null : latest.Id, RegistryMetadata.Normalize(latest.Metadata), next);
    }

    public override Task ApplyAsync(IRegistryGateway gateway, CancellationToken cancellationToken) =>
        ApplyAsync(gateway, IStepRecorder.None, cancellationToken);

    public override async Task ApplyAsync(IRegistryGateway gateway, IStepRecorder steps, CancellationToken cancellationToken)
    {
        // The schema is read again rather than kept in the plan; the same id proves it is the text that was planned.
        var source = await gateway.GetVersionAsync(Target, BaseVersion, includeDeleted: false, cancellationToken);
        if (source is null || source.Id != BaseId)
        {
            throw new InvalidOperationException(
                $"{Subject}: version {BaseVersion} with id {BaseId} is no longer live (found {(source is null ? "none" : $"id {source.Id}")}); nothing was registered.");
        }

        await steps.RecordAsync($"register version {NextVersion} with new metadata",
            new JsonObject { ["version"] = NextVersion, ["metadata"] = SentMetadata?.DeepClone() }, cancellationToken);
        // A registration without metadata inherits the previous version's, so removing the last key sends an explicit empty one.
        var metadata = SentMetadata?.DeepClone() as JsonObject ?? new JsonObject { [RegistryMetadata.Properties] = new JsonObject() };
        var request = new RegisterSchemaRequest(source.Schema, source.SchemaType, source.References, metadata);
        var registered = (await gateway.RegisterAsync(Target, request, cancellationToken))
            .GetValueOrThrow(gateway.Registry.Name, $"registering version {NextVersion} of {Subject} with new metadata");
        await steps.RecordCreatedAsync(Subject, registered.Version ?? NextVersion, registered.Id, cancellationToken);
        if (registered.Version is { } version && version != NextVersion)
        {
            // The registry returned an existing version holding this schema and metadata instead of creating one.
            throw new InvalidOperationException(
                $"{Subject}: the registry answered with existing version {version} (id {registered.Id}) instead of creating version {NextVersion}.");
        }
    }

    public override Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, CancellationToken cancellationToken) =>
        UndoAsync(gateway, backup, IStepRecorder.None, cancellationToken);

    /// <summary>Soft-deletes, then permanently deletes, the version this change created; refused unless it is still the latest, unchanged.</summary>
    public override async Task UndoAsync(IRegistryGateway gateway, SubjectBackup? backup, IStepRecorder steps, CancellationToken cancellationToken)
    {
        // The executor checks this too; a change undone on its own must not delete a version someone else made.
        var live = await ReadStateAsync(gateway, cancellationToken);
        if (!SameState(live, After))
        {
            throw new InvalidOperationException(
                $"{Subject}: version {NextVersion} is no longer the latest as this change left it (found {live?.ToJsonString() ?? "no live version"}); nothing was deleted.");
        }

        await steps.RecordDeletedAsync(Subject, NextVersion, permanent: false, cancellationToken);
        (await gateway.DeleteVersionAsync(Target, NextVersion, DeleteKind.Soft, cancellationToken))
            .GetValueOrThrow(gateway.Registry.Name, $"soft-deleting version {NextVersion} of {Subject}");
        await steps.RecordDeletedAsync(Subject, NextVersion, permanent: true, cancellationToken);
        (await gateway.DeleteVersionAsync(Target, NextVersion, DeleteKind.Permanent, cancellationToken))
            .GetValueOrThrow(gateway.Registry.Name, $"permanently deleting version {NextVersion} of {Subject}");
    }

    private static JsonObject State(int version, int? id, JsonObject? metadata, int next)
    {
        var state = new JsonObject { ["version"] = version };
        if (id is { } known)
        {
            state["id"] = known;
        }

        state["metadata"] = metadata?.DeepClone();
        state["next_version"] = next;
        return state;
    }
}
