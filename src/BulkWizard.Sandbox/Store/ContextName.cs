namespace BulkWizard.Sandbox.Store;

/// <summary>Context names as written in URLs: ".ctx", "ctx" and ":.ctx:" all mean ".ctx"; ":.:" is the default context.</summary>
internal static class ContextName
{
    /// <summary>The normalized name, or null when the text is not a valid context name.</summary>
    public static string? TryNormalize(string text)
    {
        var name = text;
        if (name.Length >= 2 && name[0] == ':' && name[^1] == ':')
        {
            name = name[1..^1];
        }

        if (name.Length == 0 || name.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        return name[0] == '.' ? name : "." + name;
    }
}
