namespace BulkWizard.Sandbox.Faults;

/// <summary>One arming: its options, its seeded generator and the signal that ends its holds when it is replaced or disarmed.</summary>
internal sealed class ArmedFaults(FaultOptions options)
{
    private readonly Random random = new(options.Seed);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FaultOptions Options { get; } = options;

    /// <summary>Completes when this arming is replaced or disarmed.</summary>
    public Task Released => released.Task;

    /// <summary>The next number in [0, 1); <see cref="Random"/> is not thread-safe, so draws are serialized.</summary>
    public double NextDraw()
    {
        lock (random)
        {
            return random.NextDouble();
        }
    }

    public void Release() => released.TrySetResult();
}
