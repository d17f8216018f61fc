using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Restore;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;

namespace BulkWizard.Core.Tests.Cleanup;

/// <summary>Plans a cleanup as the operation would (the selection given as subjects), runs it, and restores its backup.</summary>
internal static class CleanupHarness
{
    public static async Task<OperationPlan> PlanAsync(
        SandboxHarness harness, string type, IEnumerable<string> subjects, bool permanent = false, int? keepLast = null, bool removeEmptyContext = false,
        bool removeDanglingAliases = false, IRegistryGateway? gateway = null)
    {
        var selected = subjects.Select(QualifiedSubject.Parse).ToList();
        var request = new CleanupRequest(CleanupTypes.Find(type)!, permanent, keepLast, removeEmptyContext, removeDanglingAliases);
        var selection = new SelectedSubjects(string.Join(", ", selected), selected, new Dictionary<QualifiedSubject, string>());
        var plan = await new CleanupPlanner(gateway ?? harness.Gateway, new SelectionOptions(), TimeProvider.System)
            .PlanAsync(request, selection, TestPlans.RealRun(), new JsonObject(), null, CancellationToken.None);
        return PlanIdentity.Seal(plan);
    }

    /// <summary>Runs the plan (a dry run first, as a destructive plan needs) and asserts it completed.</summary>
    public static async Task<string> RunAsync(SandboxHarness harness, OperationPlan plan, int maxParallel = 1)
    {
        var dryRun = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(), dryRun: true), CancellationToken.None);
        Assert.Equal(plan.Changes.Count, dryRun.WouldApply);
        var run = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun(maxParallel: maxParallel)), CancellationToken.None);
        Assert.True(run.TaskStatus == BulkTaskStatus.Completed, $"{run.TaskStatus}: {string.Join("; ", run.FirstErrors)}");
        return run.BackupId!;
    }

    /// <summary>Restores a backup through restore_backup's planner and executor.</summary>
    public static async Task RestoreAsync(SandboxHarness harness, string backupId)
    {
        var backup = await harness.Backups.LoadAsync(backupId, CancellationToken.None);
        var plan = PlanIdentity.Seal(await new RestorePlanner(harness.Gateway, TimeProvider.System).PlanAsync(backup, TestPlans.RealRun(), CancellationToken.None));
        var result = await harness.Executor().ExecuteAsync(plan, harness.Gateway, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);
        Assert.True(result.TaskStatus == BulkTaskStatus.Completed, $"{result.TaskStatus}: {string.Join("; ", result.FirstErrors)}");
    }

    public static async Task<IReadOnlyList<int>> VersionsAsync(SandboxHarness harness, string subject, DeletedFilter filter) =>
        await harness.Gateway.ListVersionsAsync(QualifiedSubject.Parse(subject), filter, CancellationToken.None);

    public static Task<WriteResult<int>> SoftDeleteAsync(SandboxHarness harness, string subject, int version) =>
        harness.Gateway.DeleteVersionAsync(QualifiedSubject.Parse(subject), version, DeleteKind.Soft, CancellationToken.None);

    /// <summary>Registers <paramref name="subject"/> version 1 (record <c>Uses_&lt;subject&gt;</c>) referencing version 1 of <paramref name="referenced"/>.</summary>
    public static async Task RegisterReferrerAsync(SandboxHarness harness, string subject, string referenced, string? referencedType = null)
    {
        var type = referencedType ?? "R_" + new string([.. referenced.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        var schema = $$"""{"type":"record","name":"Uses_{{subject.Replace('-', '_')}}","fields":[{"name":"inner","type":"{{type}}"}]}""";
        var request = new RegisterSchemaRequest(schema, References: [new SchemaReference(type, referenced, 1)]);
        (await harness.Gateway.RegisterAsync(QualifiedSubject.Parse(subject), request, CancellationToken.None)).GetValueOrThrow("sandbox", "register referrer");
    }
}
