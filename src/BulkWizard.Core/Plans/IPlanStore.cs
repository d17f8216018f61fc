namespace BulkWizard.Core.Plans;

/// <summary>Plans kept in the data directory, so a confirmation can name one by id and hash.</summary>
public interface IPlanStore
{
    Task SaveAsync(OperationPlan plan, CancellationToken cancellationToken);

    /// <summary>The plan, or null when no plan has that id.</summary>
    Task<OperationPlan?> FindAsync(string planId, CancellationToken cancellationToken);

    /// <summary>The file the plan is exported to.</summary>
    string PathOf(string planId);
}
