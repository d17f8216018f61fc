using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Naming;
using BulkWizard.Core.Wizard;
using Moq;

namespace BulkWizard.Core.Tests.SchemaUpdate.Naming;

/// <summary>Registries without subject aliases are refused before anything else is read.</summary>
public sealed class NamingPlannerCapabilityTests
{
    [Theory]
    [InlineData("7.3.0", "7.3.0")]
    [InlineData("7.4.0", "7.4.0")]
    [InlineData(null, "unknown")]
    public async Task PlanAsync_RegistryWithoutAliases_RefusesNamingTheVersion(string? version, string shown)
    {
        var gateway = new Mock<IRegistryGateway>(MockBehavior.Strict);
        gateway.Setup(g => g.Registry).Returns(new RegistryOptions { Name = "legacy", Url = "http://registry.test" });
        gateway.Setup(g => g.GetCapabilitiesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(ServerCapabilities.FromVersion(version));
        var planner = new NamingPlanner(gateway.Object, TimeProvider.System);

        var refused = await Assert.ThrowsAsync<WizardInputException>(() => planner.PlanAsync(
            NamingSandbox.Selection("OrdersEvents-value"), new NamingRequest(NamingConvention.KebabCase), new BulkOperationConfig(), new JsonObject(), CancellationToken.None));

        Assert.Contains($"reports version {shown}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("7.4.1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'legacy'", refused.Message, StringComparison.Ordinal);
        Assert.Contains(NamingTexts.RenameIsMigration, refused.Message, StringComparison.Ordinal);
        gateway.Verify(g => g.GetCapabilitiesAsync(It.IsAny<CancellationToken>()), Times.Once);
        gateway.VerifyGet(g => g.Registry, Times.AtLeastOnce);
        gateway.VerifyNoOtherCalls();
    }
}
