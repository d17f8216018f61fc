using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Tests.Support;
using Moq;

namespace BulkWizard.Core.Tests.Execution;

/// <summary>401 and 403 stop a run at once, on a mocked gateway that keeps subject configs in memory.</summary>
public sealed class PlanExecutorAccessTests : IDisposable
{
    private static readonly string[] Subjects = ["s0", "s1", "s2", "s3", "s4", "s5"];

    private readonly ConcurrentDictionary<string, JsonObject> _configs = new(StringComparer.Ordinal);
    private readonly Mock<IRegistryGateway> _gateway = new(MockBehavior.Strict);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bulkwizard-access-" + Guid.NewGuid().ToString("N"));

    public PlanExecutorAccessTests()
    {
        _gateway.Setup(g => g.Registry).Returns(new RegistryOptions { Name = "mock", Url = "http://registry.test" });
        _gateway.Setup(g => g.WatchPace(It.IsAny<Action<PaceEvent>>())).Returns(Mock.Of<IDisposable>());
        _gateway.Setup(g => g.ListVersionsAsync(It.IsAny<QualifiedSubject>(), It.IsAny<DeletedFilter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);
        _gateway.Setup(g => g.GetModeAsync(It.IsAny<RegistryScope>(), It.IsAny<CancellationToken>())).ReturnsAsync((RegistryMode?)null);
        _gateway.Setup(g => g.GetCapabilitiesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(ServerCapabilities.FromVersion("8.1.2"));
        _gateway.Setup(g => g.GetConfigAsync(It.IsAny<RegistryScope>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((RegistryScope scope, CancellationToken _) => _configs.TryGetValue(scope.ToString(), out var c) ? new RegistryConfig(c) : null);
        _gateway.Setup(g => g.DeleteConfigAsync(It.IsAny<RegistryScope>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((RegistryScope scope, CancellationToken _) => _configs.TryRemove(scope.ToString(), out var c) ? new RegistryConfig(c) : null);
    }

    [Fact]
    public async Task ExecuteAsync_Forbidden_StopsAtOnce()
    {
        DenyWritesTo("s2", HttpStatusCode.Forbidden);

        var result = await Executor().ExecuteAsync(Plan(), _gateway.Object, TestPlans.Request(TestPlans.RealRun(rollback: false, errorRate: 1)), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Equal(
            [ItemOutcome.Applied, ItemOutcome.Applied, ItemOutcome.Failed, ItemOutcome.NotRun, ItemOutcome.NotRun, ItemOutcome.NotRun],
            result.Items.Select(i => i.Outcome));
        Assert.Contains("denied access (403)", result.Error, StringComparison.Ordinal);
        _gateway.Verify(g => g.PutConfigAsync(It.IsAny<RegistryScope>(), It.IsAny<RegistryConfig>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task ExecuteAsync_ForbiddenWithRollback_UndoesWhatWasApplied()
    {
        DenyWritesTo("s2", HttpStatusCode.Forbidden);

        var result = await Executor().ExecuteAsync(Plan(), _gateway.Object, TestPlans.Request(TestPlans.RealRun()), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.RolledBack, result.TaskStatus);
        Assert.Equal([ItemOutcome.Undone, ItemOutcome.Undone, ItemOutcome.Failed], result.Items.Take(3).Select(i => i.Outcome));
        Assert.Empty(_configs);
    }

    [Fact]
    public async Task ExecuteAsync_UnauthorizedInDryRun_StopsAtOnceAndWritesNothing()
    {
        _gateway.Setup(g => g.GetConfigAsync(It.Is<RegistryScope>(s => s.ToString() == "s1"), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RegistryAccessDeniedException("mock", "Unauthorized", HttpStatusCode.Unauthorized, 401));

        var result = await Executor().ExecuteAsync(Plan(), _gateway.Object, TestPlans.Request(TestPlans.RealRun(), dryRun: true), CancellationToken.None);

        Assert.Equal(BulkTaskStatus.Failed, result.TaskStatus);
        Assert.Equal([ItemOutcome.WouldApply, ItemOutcome.Failed, ItemOutcome.NotRun], result.Items.Take(3).Select(i => i.Outcome));
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        _gateway.Verify(g => g.PutConfigAsync(It.IsAny<RegistryScope>(), It.IsAny<RegistryConfig>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.False(Directory.Exists(_root));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void DenyWritesTo(string subject, HttpStatusCode status) =>
        _gateway.Setup(g => g.PutConfigAsync(It.IsAny<RegistryScope>(), It.IsAny<RegistryConfig>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((RegistryScope scope, RegistryConfig config, CancellationToken _) =>
            {
                if (scope.ToString() == subject)
                {
                    throw new RegistryAccessDeniedException("mock", $"User is denied operation Write on Subject: {subject}", status, (int)status * 100 + 1);
                }

                // Like a registry, a field sent as null is cleared.
                var stored = config.Fields;
                foreach (var name in stored.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    stored.Remove(name);
                }

                _configs[scope.ToString()] = stored;
                return new RegistryConfig(stored);
            });

    private PlanExecutor Executor() =>
        new(new FileBackupStore(new DataDirectory(_root)), new DataDirectory(_root), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PlanExecutor>.Instance);

    private static OperationPlan Plan() =>
        TestPlans.Of("mock", [.. Subjects.Select(s => (PlannedChange)new SubjectConfigChange(s, null, new JsonObject { ["compatibility"] = "FULL" }, "inherited", "FULL"))]);
}
