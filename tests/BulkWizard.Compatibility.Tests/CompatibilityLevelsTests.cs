namespace BulkWizard.Compatibility.Tests;

public sealed class CompatibilityLevelsTests
{
    [Theory]
    [InlineData("NONE", CompatibilityLevel.None)]
    [InlineData("backward", CompatibilityLevel.Backward)]
    [InlineData("Backward_Transitive", CompatibilityLevel.BackwardTransitive)]
    [InlineData("FORWARD", CompatibilityLevel.Forward)]
    [InlineData("forward_transitive", CompatibilityLevel.ForwardTransitive)]
    [InlineData("FULL", CompatibilityLevel.Full)]
    [InlineData("FULL_TRANSITIVE", CompatibilityLevel.FullTransitive)]
    public void Parse_RegistrySpelling_AnyCase(string text, CompatibilityLevel expected)
    {
        Assert.Equal(expected, CompatibilityLevels.Parse(text));
    }

    [Theory]
    [InlineData("FULLTRANSITIVE")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownText_IsFalse(string? text)
    {
        Assert.False(CompatibilityLevels.TryParse(text, out _));
    }

    [Fact]
    public void Format_RoundTripsEveryLevel()
    {
        foreach (var level in Enum.GetValues<CompatibilityLevel>())
        {
            Assert.Equal(level, CompatibilityLevels.Parse(level.Format()));
        }

        Assert.Equal("FULL_TRANSITIVE", CompatibilityLevel.FullTransitive.Format());
    }
}
