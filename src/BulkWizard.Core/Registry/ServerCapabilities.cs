using System.Globalization;
using System.Text.RegularExpressions;

namespace BulkWizard.Core.Registry;

/// <summary>
/// What a registry can do, derived from the release it reports. An unknown or unparsable release
/// grants nothing optional, so callers refuse what they cannot be sure of.
/// </summary>
public sealed partial record ServerCapabilities(string? ReportedVersion, Version? Release)
{
    public static ServerCapabilities Unknown { get; } = new(null, null);

    public bool IsKnown => Release is not null;

    /// <summary>Schema contexts and <c>/contexts</c> (7.0).</summary>
    public bool SupportsContexts => AtLeast(7, 0, 0);

    /// <summary><c>deletedOnly</c> on subject and version listings (7.3.1).</summary>
    public bool SupportsDeletedOnly => AtLeast(7, 3, 1);

    /// <summary>Schema metadata and rule sets (7.4.0).</summary>
    public bool SupportsMetadataAndRuleSets => AtLeast(7, 4, 0);

    /// <summary>Subject aliases through <c>PUT /config/{alias}</c> (7.4.1).</summary>
    public bool SupportsAliases => AtLeast(7, 4, 1);

    /// <summary>
    /// <c>aliases=true</c> on <c>GET /schemas</c>: 7.6.3 on the 7.6 line, 7.7.0 and later. 7.6.2 has it but qualifies
    /// the targets of aliases with the requested prefix instead of each alias's context; earlier releases ignore it.
    /// </summary>
    public bool ListsAliases => Release switch
    {
        null => false,
        { Major: 7, Minor: 6 } => Release.Build >= 3,
        _ => AtLeast(7, 7, 0),
    };

    /// <summary>Responses carry <c>schemaType</c> for Avro too, and <c>guid</c>, <c>ts</c> and <c>deleted</c> (8.0.0).</summary>
    public bool ReportsFullSchemaFields => AtLeast(8, 0, 0);

    /// <summary><c>DELETE /contexts/{ctx}</c> (8.0.1).</summary>
    public bool SupportsContextDelete => AtLeast(8, 0, 1);

    /// <summary><c>contextPrefix</c> on <c>GET /contexts</c> (8.0.3).</summary>
    public bool SupportsContextPrefix => AtLeast(8, 0, 3);

    /// <summary>The FORWARD mode (8.1.0).</summary>
    public bool SupportsForwardMode => AtLeast(8, 1, 0);

    /// <summary>
    /// <c>PUT /config</c> answers with the whole stored config after its merge (7.7.4, 7.8.3, 7.9.2, 8.0.0 and later
    /// of each line); before that it echoes the request, which proves nothing about what was stored.
    /// </summary>
    public bool ConfigWriteAnswersStoredConfig => Release switch
    {
        null => false,
        { Major: 7, Minor: 7 } => Release.Build >= 4,
        { Major: 7, Minor: 8 } => Release.Build >= 3,
        { Major: 7, Minor: 9 } => Release.Build >= 2,
        _ => AtLeast(8, 0, 0),
    };

    /// <summary>
    /// The <c>error_code</c> of an incompatible registration: 40901 from 8.0.4 and 8.1.2 on, 409 before;
    /// null when the release is unknown (then accept either).
    /// </summary>
    public int? IncompatibleSchemaErrorCode => Release switch
    {
        null => null,
        { Major: 8, Minor: 0 } => Release.Build >= 4 ? RegistryErrorCodes.IncompatibleSchema : RegistryErrorCodes.IncompatibleSchemaLegacy,
        { Major: 8, Minor: 1 } => Release.Build >= 2 ? RegistryErrorCodes.IncompatibleSchema : RegistryErrorCodes.IncompatibleSchemaLegacy,
        _ => AtLeast(8, 2, 0) ? RegistryErrorCodes.IncompatibleSchema : RegistryErrorCodes.IncompatibleSchemaLegacy,
    };

    /// <summary>Reads a release such as <c>7.6.1</c>, <c>8.0.0-ce</c> or <c>7.4</c>; anything else is unknown.</summary>
    public static ServerCapabilities FromVersion(string? reportedVersion)
    {
        if (reportedVersion is null)
        {
            return Unknown;
        }

        var match = ReleasePattern().Match(reportedVersion.Trim());
        if (!match.Success)
        {
            return new ServerCapabilities(reportedVersion, null);
        }

        var patch = match.Groups["patch"].Success ? Parse(match.Groups["patch"].Value) : 0;
        var release = new Version(Parse(match.Groups["major"].Value), Parse(match.Groups["minor"].Value), patch);
        return new ServerCapabilities(reportedVersion, release);
    }

    private bool AtLeast(int major, int minor, int patch) =>
        Release is not null && Release >= new Version(major, minor, patch);

    private static int Parse(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : int.MaxValue;

    [GeneratedRegex(@"^(?<major>\d{1,4})\.(?<minor>\d{1,4})(\.(?<patch>\d{1,6}))?(?![\d.])", RegexOptions.CultureInvariant)]
    private static partial Regex ReleasePattern();
}
