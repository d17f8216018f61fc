using System.Text.RegularExpressions;

namespace BulkWizard.Core.Templates;

/// <summary>What a template may be called. Names are file names in the data directory, so nothing that could be a path passes.</summary>
public static partial class TemplateName
{
    public const string Allowed = "1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit (e.g. nightly-test-cleanup)";

    /// <summary>Null when <paramref name="name"/> is allowed; otherwise the error, naming <c>name</c>.</summary>
    public static string? Problem(string? name) => name is not null && Shape().IsMatch(name)
        ? null
        : $"name: '{name}' is not allowed; use {Allowed}.";

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
