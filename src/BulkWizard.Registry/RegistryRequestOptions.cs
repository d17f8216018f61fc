namespace BulkWizard.Registry;

/// <summary>What the gateway tells its own handlers about a request.</summary>
internal static class RegistryRequestOptions
{
    /// <summary>True when repeating the request cannot do harm, so the retry layer may repeat it.</summary>
    public static readonly HttpRequestOptionsKey<bool> RetrySafe = new("BulkWizard.Registry.RetrySafe");

    /// <summary>True when the request changes the registry: it is paced as a write.</summary>
    public static readonly HttpRequestOptionsKey<bool> Writes = new("BulkWizard.Registry.Writes");

    /// <summary>Path and query, already escaped, relative to whichever registry URL answers.</summary>
    public static readonly HttpRequestOptionsKey<string> RelativeUri = new("BulkWizard.Registry.RelativeUri");
}
