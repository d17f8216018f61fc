namespace BulkWizard.Compatibility;

/// <summary>
/// The schema text cannot be parsed or is not a valid schema of its type.
/// A registry answers this with 422 and error code 42201.
/// </summary>
public sealed class InvalidSchemaException : Exception
{
    public InvalidSchemaException()
    {
    }

    public InvalidSchemaException(string message)
        : base(message)
    {
    }

    public InvalidSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
