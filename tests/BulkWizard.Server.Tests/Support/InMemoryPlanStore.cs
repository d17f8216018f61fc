using System.Collections.Concurrent;
using BulkWizard.Core.Plans;

namespace BulkWizard.Server.Tests.Support;

/// <summary>Plans kept in memory, each save recorded, so a test sees what was saved and how often.</summary>
internal sealed class InMemoryPlanStore : IPlanStore
{
    private readonly ConcurrentDictionary<string, OperationPlan> _plans = new(StringComparer.Ordinal);

    public List<OperationPlan> Saved { get; } = [];

    public Task SaveAsync(OperationPlan plan, CancellationToken cancellationToken)
    {
        _plans[plan.Id] = plan;
        Saved.Add(plan);
        return Task.CompletedTask;
    }

    public Task<OperationPlan?> FindAsync(string planId, CancellationToken cancellationToken) => Task.FromResult(_plans.GetValueOrDefault(planId));

    public string PathOf(string planId) => Path.Combine(Path.GetTempPath(), planId + ".json");
}
