using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Configuration.Retention;
using BulkWizard.Core.Migration;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Tests.Cleanup;
using BulkWizard.Core.Tests.Support;
using BulkWizard.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Core.Tests.Configuration.Retention;

/// <summary>Retention checks against the Sandbox over HTTP, each compared with what cleanup (or an archival) with the policy's limits would delete.</summary>
public sealed class RetentionCheckerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CheckAsync_KeepLast_LiveVersionsOverTheLimitExactlyAsCleanupOldVersionsDeletesThem()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value", versions: 5);
        await harness.RegisterVersionsAsync("payments-value", versions: 2);
        await harness.RegisterVersionsAsync("users-value", versions: 1);
        await CleanupHarness.SoftDeleteAsync(harness, "orders-value", 1);
        RetentionPolicy[] policies = [new("sandbox", "*-value", 2, null, Monday), new("sandbox", "payments-value", 1, null, Monday)];
        string[] subjects = ["orders-value", "payments-value", "users-value"];

        var violations = await CheckAsync(harness, TimeProvider.System, subjects, policies);
        var orders = await CleanupHarness.PlanAsync(harness, CleanupKeys.OldVersions, ["orders-value"], keepLast: 2);
        var payments = await CleanupHarness.PlanAsync(harness, CleanupKeys.OldVersions, ["payments-value"], keepLast: 1);

        Assert.Equal([("orders-value", "*-value", "2, 3"), ("payments-value", "payments-value", "1")], Described(violations));
        Assert.Equal(violations[0].VersionsOverLimit, Deleted(orders));
        Assert.Equal(violations[1].VersionsOverLimit, Deleted(payments));
        Assert.All(violations, v => Assert.Empty(v.KeptByReferences));
    }

    [Fact]
    public async Task CheckAsync_OlderThanDays_VersionsWrittenBeforeThenButNeverTheNewest_AsAnArchivalDeletesThem()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value", versions: 4);
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(10));
        string[] subjects = ["orders-value"];

        var aged = await CheckAsync(harness, later, subjects, [new("sandbox", "orders-*", null, 5, Monday)]);
        var agedBeyondTwo = await CheckAsync(harness, later, subjects, [new("sandbox", "orders-*", 2, 5, Monday)]);
        var young = await CheckAsync(harness, later, subjects, [new("sandbox", "orders-*", null, 30, Monday)]);
        var archival = await ArchivePlanAsync(harness, later, "orders-value", keepLast: null, olderThan: later.GetUtcNow().AddDays(-5));

        Assert.Equal([("orders-value", "orders-*", "1, 2, 3")], Described(aged));
        Assert.Equal(aged[0].VersionsOverLimit, Deleted(archival));
        Assert.Equal([("orders-value", "orders-*", "1, 2")], Described(agedBeyondTwo));
        Assert.Empty(young);
    }

    [Fact]
    public async Task CheckAsync_VersionReferencedFromOutside_ReportedOverTheLimitAndKeptByReferences_CleanupKeepsIt()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("common", versions: 3);
        await CleanupHarness.RegisterReferrerAsync(harness, "orders-value", "common");

        var violations = await CheckAsync(harness, TimeProvider.System, ["common", "orders-value"], [new("sandbox", "common", 1, null, Monday)]);
        var cleanup = await CleanupHarness.PlanAsync(harness, CleanupKeys.OldVersions, ["common"], keepLast: 1);

        var violation = Assert.Single(violations);
        Assert.Equal([1, 2], violation.VersionsOverLimit);
        Assert.Equal([1], violation.KeptByReferences);
        Assert.Equal(violation.VersionsOverLimit.Except(violation.KeptByReferences), Deleted(cleanup));
    }

    [Fact]
    public async Task CheckAsync_OlderThanDaysOnARegistryBefore8_RefusedNamingTheField_KeepLastStillJudged()
    {
        await using var harness = await SandboxHarness.StartAsync(new SandboxOptions { SeedDemoData = false, Profile = SandboxProfile.Platform76 });
        await harness.RegisterVersionsAsync("orders-value", versions: 3);

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => CheckAsync(harness, TimeProvider.System, ["orders-value"], [new("sandbox", "orders-*", 2, 30, Monday)]));
        var keepLast = await CheckAsync(harness, TimeProvider.System, ["orders-value"], [new("sandbox", "orders-*", 2, null, Monday)]);

        Assert.Equal(
            "older_than_days: the policy 'orders-*' of registry 'sandbox' needs each version's write time, which registries report from 8.0; " +
            "'sandbox' reports version 7.6.1. Judge it with keep_last only.",
            error.Message);
        Assert.Equal([("orders-value", "orders-*", "1")], Described(keepLast));
    }

    [Fact]
    public async Task ReportAsync_WithoutAPolicyForSomeOrAll_MessageSaysWhatWasNotChecked()
    {
        await using var harness = await SandboxHarness.StartAsync();
        await harness.RegisterVersionsAsync("orders-value", versions: 3);
        await harness.RegisterVersionsAsync("users-value", versions: 3);
        List<QualifiedSubject> subjects = [QualifiedSubject.Parse("orders-value"), QualifiedSubject.Parse("users-value")];
        var checker = new RetentionChecker(harness.Gateway, TimeProvider.System);
        RetentionPolicy orders = new("sandbox", "orders-*", 2, null, Monday);

        var none = await checker.ReportAsync(subjects, [new("other", "*", 1, null, Monday)], CancellationToken.None);
        var unmatched = await checker.ReportAsync(subjects, [new("sandbox", "refunds-*", 1, null, Monday)], CancellationToken.None);
        var partly = await checker.ReportAsync(subjects, [orders, new("sandbox", "refunds-*", 1, null, Monday)], CancellationToken.None);

        Assert.Equal((0, 2, 0, "No retention policy is stored for registry 'sandbox': nothing to check."), (none.Checked, none.Selected, none.Violations.Count, none.Message));
        Assert.Equal("No retention policy of registry 'sandbox' selects these subjects (1 stored): nothing to check.", unmatched.Message);
        Assert.Equal((1, 2, "1 of the 2 selected subjects have no retention policy and were not checked."), (partly.Checked, partly.Selected, partly.Message));
        Assert.Equal([orders], partly.Policies);
        Assert.Equal([("orders-value", "orders-*", "1")], Described(partly.Violations));
    }

    private static Task<IReadOnlyList<RetentionViolation>> CheckAsync(SandboxHarness harness, TimeProvider clock, IEnumerable<string> subjects, IReadOnlyList<RetentionPolicy> policies) =>
        new RetentionChecker(harness.Gateway, clock).CheckAsync([.. subjects.Select(QualifiedSubject.Parse)], policies, CancellationToken.None);

    private static async Task<OperationPlan> ArchivePlanAsync(SandboxHarness harness, TimeProvider clock, string subject, int? keepLast, DateTimeOffset olderThan)
    {
        var selection = new SelectedSubjects(subject, [QualifiedSubject.Parse(subject)], new Dictionary<QualifiedSubject, string>());
        return await new ArchivePlanner(harness.Gateway, new SelectionOptions(), clock)
            .PlanAsync(selection, keepLast, olderThan, permanent: false, TestPlans.RealRun(), new JsonObject(), CancellationToken.None);
    }

    private static IReadOnlyList<int> Deleted(OperationPlan plan) => Assert.Single(plan.Changes.OfType<SubjectCleanupChange>()).SoftDelete;

    private static IEnumerable<(string Subject, string Policy, string Versions)> Described(IEnumerable<RetentionViolation> violations) =>
        violations.Select(v => (v.Subject, v.Policy, string.Join(", ", v.VersionsOverLimit)));
}
