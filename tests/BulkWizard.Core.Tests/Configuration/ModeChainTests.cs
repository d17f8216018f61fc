using BulkWizard.Core.Configuration;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Tests.Configuration;

/// <summary>The effective mode as the registry resolves it (subject, context or /mode, :.__GLOBAL:, READWRITE), before and after a change.</summary>
public sealed class ModeChainTests
{
    private static readonly RegistryScope Staging = RegistryScope.ForContext(".staging");

    private static ModeChain Chain(string? all = null, string defaultMode = "READWRITE", string? staging = null) =>
        new(all, defaultMode, defaultMode == (all ?? "READWRITE"), new Dictionary<string, string?> { [".staging"] = staging });

    [Fact]
    public void NamedContext_WithoutItsOwn_InheritsAllContexts_NeverSlashMode()
    {
        var chain = Chain(all: "READONLY", defaultMode: "IMPORT");

        Assert.Equal("READONLY", chain.EffectiveIn(".staging"));
        Assert.Equal("IMPORT", chain.EffectiveIn("."));
    }

    [Fact]
    public void ClearingAContextsMode_UnderAReadOnlyAllContexts_LeavesItBlocked()
    {
        var after = Chain(all: "READONLY", staging: "READWRITE").With(Staging, null);

        Assert.True(after.BlocksAt(Staging));
        Assert.Equal("READONLY", after.EffectiveOf(Staging));
    }

    [Fact]
    public void AllContextsChange_ReachesTheDefaultContext_WhenSlashModeAnswersWhatItWouldInherit()
    {
        var chain = Chain();
        var after = chain.With(ConfigurationScopes.AllContexts, "READONLY");

        Assert.Equal([".", ".staging"], chain.ContextsReachedBy(ConfigurationScopes.AllContexts, [".", ".staging"]));
        Assert.True(after.BlocksIn("."));
        Assert.True(after.BlocksIn(".staging"));
    }

    [Fact]
    public void AllContextsChange_DoesNotReachAContextWithItsOwnMode()
    {
        var chain = Chain(defaultMode: "READONLY", staging: "READWRITE");

        Assert.Empty(chain.ContextsReachedBy(ConfigurationScopes.AllContexts, [".", ".staging"]));
        Assert.False(chain.With(ConfigurationScopes.AllContexts, "IMPORT").BlocksIn(".staging"));
    }

    [Theory]
    [InlineData("READONLY", true)]
    [InlineData("READONLY_OVERRIDE", true)]
    [InlineData("IMPORT", true)]
    [InlineData("READWRITE", false)]
    [InlineData("FORWARD", false)]
    public void Blocks_ReadOnlyItsDeprecatedTwinAndImport(string mode, bool blocks) =>
        Assert.Equal(blocks, ModeChain.Blocks(mode));
}
