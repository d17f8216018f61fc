namespace BulkWizard.Registry;

/// <summary>
/// One request to a registry: method, escaped relative path, optional JSON body, whether the retry layer may repeat it,
/// and whether it changes the registry (writes are paced: <see cref="Pacing.RegistryPace"/>).
/// </summary>
internal sealed record RegistryCall(HttpMethod Method, RegistryPath Path, object? Body, bool RetrySafe, bool Writes)
{
    public static RegistryCall Get(RegistryPath path) => new(HttpMethod.Get, path, null, RetrySafe: true, Writes: false);

    /// <summary>A POST that only reads (a lookup), so repeating it is harmless.</summary>
    public static RegistryCall PostRead(RegistryPath path, object body) => new(HttpMethod.Post, path, body, RetrySafe: true, Writes: false);

    /// <summary>A write whose repetition could do harm or hide what happened: never retried.</summary>
    public static RegistryCall Write(HttpMethod method, RegistryPath path, object? body = null) => new(method, path, body, RetrySafe: false, Writes: true);

    /// <summary>A write that leaves the same state however often it is repeated (config, mode, context delete).</summary>
    public static RegistryCall IdempotentWrite(HttpMethod method, RegistryPath path, object? body = null) => new(method, path, body, RetrySafe: true, Writes: true);
}
