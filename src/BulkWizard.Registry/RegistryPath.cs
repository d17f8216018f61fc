using System.Globalization;
using System.Text;

namespace BulkWizard.Registry;

/// <summary>
/// Builds a request path and query with every subject, context or value escaped as one segment, so
/// names with <c>/</c>, <c>%</c>, <c>?</c>, <c>#</c>, <c>:</c>, spaces or non-ASCII characters reach the registry intact.
/// </summary>
internal sealed class RegistryPath
{
    private readonly StringBuilder _path = new();
    private readonly StringBuilder _query = new();

    private RegistryPath()
    {
    }

    /// <summary>Starts with fixed segments such as <c>subjects</c>; they are sent as written.</summary>
    public static RegistryPath Of(string literal) => new RegistryPath().Literal(literal);

    public RegistryPath Literal(string literal)
    {
        Separate();
        _path.Append(literal);
        return this;
    }

    /// <summary>A value as one path segment, escaped. Dot segments are escaped too, or they would climb the path.</summary>
    public RegistryPath Segment(string value)
    {
        Separate();
        var escaped = Uri.EscapeDataString(value);
        _path.Append(escaped is "." or ".." ? escaped.Replace(".", "%2E", StringComparison.Ordinal) : escaped);
        return this;
    }

    public RegistryPath Segment(int value) => Literal(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a query parameter; a null value adds nothing.</summary>
    public RegistryPath Query(string name, string? value)
    {
        if (value is not null)
        {
            _query.Append(_query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return this;
    }

    public RegistryPath Query(string name, int value) => Query(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds <c>name=true</c> when on; the registry reads an absent flag as false.</summary>
    public RegistryPath Flag(string name, bool on) => on ? Query(name, "true") : this;

    public override string ToString() => _path.ToString() + _query;

    private void Separate()
    {
        if (_path.Length > 0)
        {
            _path.Append('/');
        }
    }
}
