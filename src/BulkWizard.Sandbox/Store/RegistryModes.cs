namespace BulkWizard.Sandbox.Store;

/// <summary>Registry modes; READONLY_OVERRIDE acts as READONLY, FORWARD (8.1+) is allowed only at global scope.</summary>
internal static class RegistryModes
{
    public const string ReadWrite = "READWRITE";
    public const string ReadOnly = "READONLY";
    public const string ReadOnlyOverride = "READONLY_OVERRIDE";
    public const string Import = "IMPORT";
    public const string Forward = "FORWARD";

    public static bool IsReadOnly(string mode) => mode is ReadOnly or ReadOnlyOverride;

    public static string? Parse(string text, bool forwardKnown) => text.ToUpperInvariant() switch
    {
        ReadWrite => ReadWrite,
        ReadOnly => ReadOnly,
        ReadOnlyOverride => ReadOnlyOverride,
        Import => Import,
        Forward when forwardKnown => Forward,
        _ => null,
    };
}
