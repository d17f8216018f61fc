namespace BulkWizard.Sandbox.Http;

/// <summary>An answer of the registry that is an error: HTTP status, Confluent error code, message.</summary>
internal sealed class RegistryException : Exception
{
    public RegistryException()
    {
    }

    public RegistryException(string message)
        : base(message)
    {
    }

    public RegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RegistryException(int status, int errorCode, string message)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public int Status { get; } = 500;

    public int ErrorCode { get; } = 500;
}
