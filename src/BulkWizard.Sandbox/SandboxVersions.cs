namespace BulkWizard.Sandbox;

/// <summary>
/// The release each profile reports on GET /v1/metadata/version. 8.x reports 8.1.2, the first
/// 8.1 release that answers an incompatible schema with error code 40901 (8.1.1 still said 409),
/// so that a client deriving behaviour from the version sees what this Sandbox does.
/// </summary>
public static class SandboxVersions
{
    public const string Platform8 = "8.1.2";
    public const string Platform76 = "7.6.1";
    public const string CommitId = "5a1c0ffee0ddba11";

    public static string Reported(SandboxProfile profile) =>
        profile == SandboxProfile.Platform76 ? Platform76 : Platform8;
}
