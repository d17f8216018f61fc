using BulkWizard.Core.Backups;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Wizard;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Wizard;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace BulkWizard.Server.Tests.Support;

/// <summary>
/// A wizard conversation wired as the server wires it, over a registry that is never called (the stand-in
/// operation reads nothing) and plans kept in memory; for the no-forms path, which needs no MCP session.
/// </summary>
internal sealed class ConversationHarness
{
    public ConversationHarness(params IBulkOperation[] operations)
    {
        var registry = new RegistryOptions { Name = "lab", Url = "http://127.0.0.1:9" };
        var gateway = new Mock<IRegistryGateway>();
        gateway.SetupGet(g => g.Registry).Returns(registry);
        var registries = new Mock<IRegistryGatewayProvider>();
        registries.SetupGet(r => r.Default).Returns(registry);
        registries.Setup(r => r.Get(It.IsAny<string?>())).Returns(gateway.Object);

        var clock = TimeProvider.System;
        Approvals = new PlanApprovals(clock, TimeSpan.FromMinutes(60));
        Tasks = new TaskManager(clock, NullLogger<TaskManager>.Instance);
        var executor = new PlanExecutor(Mock.Of<IBackupStore>(), new DataDirectory(Path.GetTempPath()), clock, NullLogger<PlanExecutor>.Instance);
        var launcher = new ExecutionLauncher(Tasks, executor, Approvals, registries.Object, Mock.Of<IHostApplicationLifetime>());
        Planning = new PlanService(registries.Object, operations, Plans, Approvals, launcher);
        Sessions = new WizardSessionStore(clock);
        Conversation = new WizardConversation(Sessions, new RequestStateCodec(), registries.Object, Planning, new PlanReviews(Planning), new WizardReplies(Plans));
    }

    public InMemoryPlanStore Plans { get; } = new();

    public PlanApprovals Approvals { get; }

    public TaskManager Tasks { get; }

    public PlanService Planning { get; }

    public WizardSessionStore Sessions { get; }

    public WizardConversation Conversation { get; }
}
