using System.Text.Json;
using BulkWizard.Core.Storage;
using Microsoft.Extensions.Logging;

namespace BulkWizard.Core.Plans;

/// <summary>Plans as JSON files under <c>plans/</c> of the data directory, written atomically and readable only by the user.</summary>
public sealed partial class FilePlanStore(DataDirectory dataDirectory, ILogger<FilePlanStore> logger) : IPlanStore
{
    public async Task SaveAsync(OperationPlan plan, CancellationToken cancellationToken)
    {
        dataDirectory.EnsurePlansFolder();
        await AtomicFile.WriteAsync(PathOf(plan.Id), (file, token) => JsonSerializer.SerializeAsync(file, plan, PlanJson.Options, token), cancellationToken);
        LogPlanned(logger, plan.Id, plan.OperationType, plan.Registry, plan.Changes.Count, plan.Skipped.Count);
    }

    public async Task<OperationPlan?> FindAsync(string planId, CancellationToken cancellationToken)
    {
        if (!PlanIdentity.IsId(planId) || !File.Exists(PathOf(planId)))
        {
            return null;
        }

        await using var file = File.OpenRead(PathOf(planId));
        return await JsonSerializer.DeserializeAsync<OperationPlan>(file, PlanJson.Options, cancellationToken)
            ?? throw new JsonException($"The plan file of {planId} is empty.");
    }

    public string PathOf(string planId) =>
        PlanIdentity.IsId(planId)
            ? Path.Combine(dataDirectory.PlansPath, planId + ".json")
            : throw new ArgumentException($"plan_id: '{planId}' is not a plan id ({PlanIdentity.IdFormat}).");

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} ({OperationType}) made for registry {Registry}: {Changes} change(s), {Skipped} skipped")]
    private static partial void LogPlanned(ILogger logger, string planId, string operationType, string registry, int changes, int skipped);
}
