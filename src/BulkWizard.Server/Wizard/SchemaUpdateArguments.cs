namespace BulkWizard.Server.Wizard;

/// <summary>
/// Schema update answers given as tool arguments. <paramref name="Convention"/> is one value such as
/// <c>kebab_case</c>, <c>prefix:team-</c> or <c>context:.staging</c>.
/// </summary>
public sealed record SchemaUpdateArguments(
    string? Compatibility = null,
    string? Convention = null,
    string? MetadataTarget = null,
    string? MetadataAction = null,
    string? MetadataKey = null,
    string? MetadataValue = null);
