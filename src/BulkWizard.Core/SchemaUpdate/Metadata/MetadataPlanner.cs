using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>
/// Plans a metadata update of the selected subjects: a new version of each with the edited metadata, or an edit of
/// each subject config's <c>defaultMetadata</c> / <c>overrideMetadata</c>. Skips subjects without a live version, in
/// READONLY or IMPORT (at any scope), already as asked, or where the config would keep every key asked to change;
/// the warnings state the consequences (new versions and ids, what the next registration gets).
/// </summary>
internal sealed class MetadataPlanner(IRegistryGateway gateway, TimeProvider clock)
{
    public const string OperationType = "schema_update";

    /// <exception cref="ArgumentException">The request is invalid; the message names the field.</exception>
    public async Task<OperationPlan> PlanAsync(
        SelectedSubjects selection, MetadataRequest request, BulkOperationConfig config, JsonObject answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        var reader = new SubjectMetadataReader(gateway);
        var newVersions = request.Target == MetadataTarget.LatestVersions;
        var states = await reader.ReadAsync(selection.Subjects, readVersions: newVersions, cancellationToken);
        var parts = newVersions
            ? await new MetadataVersionPlanning(gateway).PlanAsync(selection, request.Edit, states, cancellationToken)
            : MetadataConfigPlanning.Plan(selection, request, states);

        return new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = OperationType,
            Title = $"Set {request.Describe()} on {selection.Description}",
            Registry = gateway.Registry.Name,
            CreatedAt = clock.GetUtcNow(),
            Answers = answers,
            Config = config,
            Changes = parts.Changes,
            Skipped = parts.Skipped,
            Warnings = parts.Warnings,
            Estimate = PlanEstimate.For(parts.Changes.Count, config, reader.MeanLatencyMs),
        };
    }
}
