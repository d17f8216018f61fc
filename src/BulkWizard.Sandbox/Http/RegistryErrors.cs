namespace BulkWizard.Sandbox.Http;

/// <summary>The registry's error answers (io.confluent...rest.exceptions.Errors), with its messages.</summary>
internal static class RegistryErrors
{
    public static RegistryException SubjectNotFound(string subject) =>
        new(404, 40401, $"Subject '{subject}' not found.");

    public static RegistryException VersionNotFound(string version) =>
        new(404, 40402, $"Version {version} not found.");

    public static RegistryException SchemaNotFound(string detail) =>
        new(404, 40403, detail);

    public static RegistryException SubjectSoftDeleted(string subject) =>
        new(404, 40404, $"Subject '{subject}' was soft deleted.Set permanent=true to delete permanently");

    public static RegistryException SubjectNotSoftDeleted(string subject) =>
        new(404, 40405, $"Subject '{subject}' was not deleted first before being permanently deleted");

    public static RegistryException VersionSoftDeleted(string subject, int version) =>
        new(404, 40406, $"Subject '{subject}' Version {version} was soft deleted.Set permanent=true to delete permanently");

    public static RegistryException VersionNotSoftDeleted(string subject, int version) =>
        new(404, 40407, $"Subject '{subject}' Version {version} was not deleted first before being permanently deleted");

    public static RegistryException SubjectLevelConfigNotFound(string subject) =>
        new(404, 40408, $"Subject '{subject}' does not have subject-level compatibility configured");

    public static RegistryException SubjectLevelModeNotFound(string subject) =>
        new(404, 40409, $"Subject '{subject}' does not have subject-level mode configured");

    public static RegistryException Incompatible(int errorCode, string message) =>
        new(409, errorCode, message);

    public static RegistryException InvalidSchema(string message) =>
        new(422, 42201, message);

    public static RegistryException InvalidVersion(string version) =>
        new(422, 42202, $"The specified version '{version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");

    public static RegistryException InvalidCompatibilityLevel() =>
        new(422, 42203, "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");

    public static RegistryException InvalidMode(string message) =>
        new(422, 42204, message);

    public static RegistryException OperationNotPermitted(string message) =>
        new(422, 42205, message);

    public static RegistryException ReferenceExists(string subject, int version) =>
        new(422, 42206, $"One or more references exist to the schema {{magic=1,keytype=SCHEMA,subject={subject},version={version}}}.");

    public static RegistryException InvalidSubject(string subject) =>
        new(422, 42208, $"The specified subject '{subject}' is not a valid.");

    public static RegistryException InvalidRuleSet(string message) =>
        new(422, 42210, message);

    public static RegistryException ContextNotEmpty(string context) =>
        new(422, 42211, $"Context {context} is not empty");

    public static RegistryException NotFound() => new(404, 404, "HTTP 404 Not Found");

    public static RegistryException MethodNotAllowed() => new(405, 405, "HTTP 405 Method Not Allowed");

    public static RegistryException BadRequest(string message) => new(400, 400, message);

    public static RegistryException UnsupportedMediaType() => new(415, 415, "HTTP 415 Unsupported Media Type");

    public static RegistryException Unprocessable(string message) => new(422, 422, message);
}
