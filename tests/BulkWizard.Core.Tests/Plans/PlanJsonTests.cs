using System.Text.Json;
using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Tests.Plans;

public sealed class PlanJsonTests
{
    [Fact]
    public void ChangeKinds_EveryConcreteChangeDeclaresItsKind()
    {
        var concrete = typeof(PlannedChange).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PlannedChange)) && !t.IsAbstract);

        Assert.Equal(concrete.Select(t => t.FullName).Order(StringComparer.Ordinal), PlanJson.ChangeKinds.Values.Select(t => t.FullName).Order(StringComparer.Ordinal));
        Assert.Contains("subject_config", PlanJson.ChangeKinds.Keys);
    }

    [Fact]
    public void Options_KnowEveryChangeKind()
    {
        var info = PlanJson.Options.GetTypeInfo(typeof(PlannedChange));

        Assert.Equal("kind", info.PolymorphismOptions!.TypeDiscriminatorPropertyName);
        Assert.Equal(
            PlanJson.ChangeKinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Key, k.Value)),
            info.PolymorphismOptions.DerivedTypes.Select(d => ((string)d.TypeDiscriminator!, d.DerivedType)).OrderBy(k => k.Item1, StringComparer.Ordinal));
    }
}
