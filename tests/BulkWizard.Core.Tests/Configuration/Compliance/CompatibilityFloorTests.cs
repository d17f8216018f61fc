using BulkWizard.Compatibility;
using BulkWizard.Core.Configuration.Compliance;

namespace BulkWizard.Core.Tests.Configuration.Compliance;

/// <summary>"At least as strict as" judged by guarantees: a partial order, not a ranking.</summary>
public sealed class CompatibilityFloorTests
{
    [Theory]
    [InlineData(CompatibilityLevel.Forward, CompatibilityLevel.Backward, false)]
    [InlineData(CompatibilityLevel.ForwardTransitive, CompatibilityLevel.Backward, false)]
    [InlineData(CompatibilityLevel.None, CompatibilityLevel.Backward, false)]
    [InlineData(CompatibilityLevel.Full, CompatibilityLevel.Backward, true)]
    [InlineData(CompatibilityLevel.BackwardTransitive, CompatibilityLevel.Backward, true)]
    [InlineData(CompatibilityLevel.Backward, CompatibilityLevel.Forward, false)]
    [InlineData(CompatibilityLevel.Backward, CompatibilityLevel.BackwardTransitive, false)]
    [InlineData(CompatibilityLevel.Full, CompatibilityLevel.BackwardTransitive, false)]
    [InlineData(CompatibilityLevel.FullTransitive, CompatibilityLevel.Full, true)]
    public void Meets_ByGuarantees(CompatibilityLevel level, CompatibilityLevel floor, bool meets) =>
        Assert.Equal(meets, CompatibilityFloor.Meets(level, floor));

    [Fact]
    public void Describe_Backward_ListsEveryLevelGivingItsGuarantees() =>
        Assert.Equal("BACKWARD or stricter: BACKWARD, BACKWARD_TRANSITIVE, FULL, FULL_TRANSITIVE", CompatibilityFloor.Describe(CompatibilityLevel.Backward));

    [Theory]
    [InlineData(CompatibilityLevel.None, CompatibilityLevel.Backward, CompatibilityLevel.Backward)]
    [InlineData(CompatibilityLevel.Forward, CompatibilityLevel.Backward, CompatibilityLevel.Full)]
    [InlineData(CompatibilityLevel.ForwardTransitive, CompatibilityLevel.Backward, CompatibilityLevel.FullTransitive)]
    [InlineData(CompatibilityLevel.Backward, CompatibilityLevel.BackwardTransitive, CompatibilityLevel.BackwardTransitive)]
    [InlineData(CompatibilityLevel.Full, CompatibilityLevel.BackwardTransitive, CompatibilityLevel.FullTransitive)]
    public void Raise_WeakestLevelMeetingTheFloorKeepingEveryCurrentGuarantee(CompatibilityLevel current, CompatibilityLevel floor, CompatibilityLevel raised) =>
        Assert.Equal(raised, CompatibilityFloor.Raise(current, floor));
}
