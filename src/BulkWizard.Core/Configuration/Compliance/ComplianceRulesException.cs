namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>A compliance rules file that cannot be read or says something the rules do not allow; the message names the file and the field.</summary>
public sealed class ComplianceRulesException : Exception
{
    public ComplianceRulesException(string path, string? field, string problem, Exception? inner = null)
        : base($"Compliance rules file {path}: {(field is null ? "" : field + ": ")}{problem}", inner)
    {
        Path = path;
        Field = field;
    }

    /// <summary>The file, as a full path.</summary>
    public string Path { get; }

    /// <summary>The field at fault (<c>required_properties[1]</c>), or null when the file as a whole is.</summary>
    public string? Field { get; }
}
