using BulkWizard.Core.Registry;
using BulkWizard.Registry.Tests.Support;
using BulkWizard.Sandbox;
using BulkWizard.Sandbox.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace BulkWizard.Registry.Tests.Sandbox;

/// <summary>
/// A registration whose answer the Sandbox loses, through the gateway over real HTTP: the Sandbox's own request counts
/// show how many registrations arrived. Stored and then lost, it is read back and never sent twice; refused or dropped
/// before it was stored, it is read back, found absent, and only then sent again. Either way the subject ends with one version.
/// </summary>
public sealed class SandboxLostAnswerTests : IAsyncLifetime
{
    private const string Registrations = "POST /subjects/{subject}/versions";
    private const string Lookups = "POST /subjects/{subject}";
    private static readonly QualifiedSubject Orders = QualifiedSubject.Parse("orders-value");
    private SandboxRegistry _sandbox = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxRegistry.StartAsync(new SandboxOptions { SeedDemoData = false });
        var services = new ServiceCollection();

        // A short backoff: the repeat waits for it on the real clock.
        services.AddRegistryGateways([new RegistryOptions { Name = "lab", Url = _sandbox.BaseAddress.ToString() }], r => r.BaseDelay = TimeSpan.FromMilliseconds(20));
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [InlineData(WriteFaultAnswer.Error)]
    [InlineData(WriteFaultAnswer.Drop)]
    public async Task Register_StoredThenAnswerLost_ReadBackAsApplied_OneRegistrationArrived(WriteFaultAnswer answer)
    {
        var result = await RegisterUnderAsync(new WriteFault { Subject = Orders.Name, Timing = WriteFaultTiming.AfterApply, Answer = answer });

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        Assert.True(result.WasVerified);
        Assert.Equal(1, _sandbox.Faults.Count(FaultKind.WriteFailedAfterApply));
        Assert.Equal((1, 1), (_sandbox.Requests.Get(Registrations), _sandbox.Requests.Get(Lookups)));
        Assert.Equal([1], await Gateway.ListVersionsAsync(Orders, DeletedFilter.IncludeDeleted, CancellationToken.None));
    }

    [Theory]
    [InlineData(WriteFaultAnswer.Error)]
    [InlineData(WriteFaultAnswer.Drop)]
    public async Task Register_FailedBeforeItWasStored_ReadBackAsAbsent_ThenSentAgainOnce(WriteFaultAnswer answer)
    {
        var result = await RegisterUnderAsync(new WriteFault { Subject = Orders.Name, Timing = WriteFaultTiming.BeforeApply, Answer = answer });

        Assert.Equal(WriteOutcome.Applied, result.Outcome);
        Assert.Equal(1, _sandbox.Faults.Count(FaultKind.WriteFailedBeforeApply));
        Assert.Equal((2, 1), (_sandbox.Requests.Get(Registrations), _sandbox.Requests.Get(Lookups)));
        Assert.Equal([1], await Gateway.ListVersionsAsync(Orders, DeletedFilter.IncludeDeleted, CancellationToken.None));
    }

    private IRegistryGateway Gateway => _services.GetRequiredService<IRegistryGatewayProvider>().Get("lab");

    /// <summary>Registers one schema while the first write to the subject fails as <paramref name="fault"/> says.</summary>
    private async Task<WriteResult<RegisteredSchema>> RegisterUnderAsync(WriteFault fault)
    {
        _sandbox.Faults.Arm(new FaultOptions { FailWrite = fault });
        _sandbox.Requests.Reset();
        try
        {
            return await Gateway.RegisterAsync(Orders, new RegisterSchemaRequest(Some.AvroRecord("Lost", "id")), CancellationToken.None);
        }
        finally
        {
            _sandbox.Faults.Disarm();
        }
    }
}
