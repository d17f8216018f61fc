namespace BulkWizard.Core.Registry;

/// <summary>The registry's <c>error_code</c> values a bulk tool acts on.</summary>
public static class RegistryErrorCodes
{
    public const int SubjectNotFound = 40401;
    public const int VersionNotFound = 40402;
    public const int SchemaNotFound = 40403;
    public const int SubjectSoftDeleted = 40404;
    public const int SubjectNotSoftDeleted = 40405;
    public const int VersionSoftDeleted = 40406;
    public const int VersionNotSoftDeleted = 40407;
    public const int SubjectConfigNotFound = 40408;
    public const int SubjectModeNotFound = 40409;

    /// <summary>Incompatible schema from 8.0.4 / 8.1.2 on; earlier releases answer plain 409.</summary>
    public const int IncompatibleSchema = 40901;
    public const int IncompatibleSchemaLegacy = 409;

    public const int InvalidSchema = 42201;
    public const int InvalidVersion = 42202;
    public const int InvalidCompatibilityLevel = 42203;
    public const int InvalidMode = 42204;
    public const int OperationNotPermitted = 42205;
    public const int ReferenceExists = 42206;
    public const int InvalidSubject = 42208;
    public const int ContextNotEmpty = 42211;

    public const int StoreError = 50001;
    public const int OperationTimeout = 50002;
    public const int ForwardingError = 50003;
    public const int UnknownLeader = 50004;

    /// <summary>The registry's own transient codes (store, timeout, leader forwarding).</summary>
    public static bool IsTransient(int errorCode) => errorCode is >= StoreError and <= UnknownLeader;
}
