using System.Reflection;
using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Tests.Plans;

public sealed class PlanJsonTests
{
    [Fact]
    public void Options_KnowEveryConcreteChangeOfCoreByItsKindAttribute()
    {
        var concrete = typeof(PlannedChange).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PlannedChange)) && !t.IsAbstract).ToList();

        var info = PlanJson.Options.GetTypeInfo(typeof(PlannedChange));

        Assert.Equal("kind", info.PolymorphismOptions!.TypeDiscriminatorPropertyName);
        Assert.All(concrete, t => Assert.NotNull(t.GetCustomAttribute<ChangeKindAttribute>()));
        Assert.Equal(
            concrete.Select(t => (t.GetCustomAttribute<ChangeKindAttribute>()!.Name, t)).OrderBy(k => k.Name, StringComparer.Ordinal),
            info.PolymorphismOptions.DerivedTypes.Select(d => ((string)d.TypeDiscriminator!, d.DerivedType)).OrderBy(k => k.Item1, StringComparer.Ordinal));
        Assert.Contains(info.PolymorphismOptions.DerivedTypes, d => (string)d.TypeDiscriminator! == "subject_config");
    }

    [Fact]
    public void Register_AfterPlansWereWritten_RefusedNamingTheKind()
    {
        _ = PlanJson.Options.GetTypeInfo(typeof(PlannedChange));

        var error = Assert.Throws<InvalidOperationException>(ChangeKinds.Register<LateChange>);

        Assert.Equal("Change kind 'late_change' was registered after plans were read or written; register it at start-up.", error.Message);
    }

    [Fact]
    public void Register_KindOfCore_AcceptedAgain()
    {
        ChangeKinds.Register<SubjectConfigChange>();
    }

    [ChangeKind("late_change")]
    private sealed record LateChange(string Subject) : SubjectChangeStub(Subject);

    private abstract record SubjectChangeStub(string Subject) : PlannedChange(Subject)
    {
        public override bool IsDestructive => false;

        public override System.Text.Json.Nodes.JsonNode? Before => null;

        public override System.Text.Json.Nodes.JsonNode? After => null;

        public override string Describe() => Subject;

        public override Task<System.Text.Json.Nodes.JsonNode?> ReadStateAsync(Core.Registry.IRegistryGateway gateway, CancellationToken cancellationToken) =>
            Task.FromResult<System.Text.Json.Nodes.JsonNode?>(null);

        public override Task ApplyAsync(Core.Registry.IRegistryGateway gateway, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task UndoAsync(Core.Registry.IRegistryGateway gateway, Core.Backups.SubjectBackup? backup, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
