using BulkWizard.Sandbox.Persistence;

namespace BulkWizard.Sandbox.Store;

/// <summary>
/// The registry's state behind one lock (correctness first: every request sees and leaves a
/// consistent state), persisted to the data file after each write when there is one.
/// </summary>
internal sealed class RegistryStore
{
    private readonly Lock gate = new();
    private readonly RegistryState state;
    private readonly SandboxProfile profile;
    private readonly TimeProvider clock;
    private readonly StateFile? file;

    public RegistryStore(SandboxProfile profile, TimeProvider clock, StateFile? file)
    {
        this.profile = profile;
        this.clock = clock;
        this.file = file;
        var snapshot = file?.Load();
        state = snapshot is null ? new RegistryState() : StateSnapshots.Restore(snapshot);
        LoadedFromFile = snapshot is not null;
    }

    public bool LoadedFromFile { get; }

    public SandboxProfile Profile => profile;

    public T Read<T>(Func<RegistryCore, T> read)
    {
        lock (gate)
        {
            return read(new RegistryCore(state, profile, clock));
        }
    }

    public T Write<T>(Func<RegistryCore, T> write)
    {
        lock (gate)
        {
            var result = write(new RegistryCore(state, profile, clock));
            file?.Save(StateSnapshots.Capture(state));
            return result;
        }
    }
}
