using BulkWizard.Core.Registry;

namespace BulkWizard.Registry;

/// <summary>
/// A registry whose URL is known only once it is up, such as the embedded Sandbox, which listens on a free port of its
/// choosing. Its gateway awaits <see cref="WhenReadyAsync"/> before each call; that sets <see cref="RegistryOptions.Url"/>
/// on <see cref="Registry"/> before it completes, or fails, and then the call fails with it.
/// </summary>
/// <param name="Registry">One of the registries passed to <see cref="RegistryServiceCollectionExtensions.AddRegistryGateways"/>, its URL still unset.</param>
public sealed record PendingRegistry(RegistryOptions Registry, Func<CancellationToken, Task> WhenReadyAsync);
