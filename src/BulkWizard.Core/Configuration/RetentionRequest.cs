namespace BulkWizard.Core.Configuration;

/// <summary>A retention policy as asked: its limits, whether to delete what is over them now, and whether to write it into config metadata too.</summary>
/// <param name="KeepLast">The newest live versions each subject keeps.</param>
/// <param name="OlderThanDays">Versions last written more than this many days ago go, the newest live one kept.</param>
/// <param name="EnforceNow">Also soft-delete the versions over the limit in the same run.</param>
/// <param name="InMetadata">Also write the policy into the scope's config <c>defaultMetadata</c> (properties <c>retention.*</c>).</param>
internal sealed record RetentionRequest(int? KeepLast, int? OlderThanDays, bool EnforceNow, bool InMetadata);
