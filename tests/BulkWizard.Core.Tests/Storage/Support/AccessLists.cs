using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace BulkWizard.Core.Tests.Storage.Support;

/// <summary>Reads Windows access lists for assertions: whether inheritance is cut, and who is allowed what.</summary>
[SupportedOSPlatform("windows")]
public static class AccessLists
{
    public static (bool Protected, List<(string Who, FileSystemRights Rights, AccessControlType Type)> Rules) Of(FileSystemSecurity security) =>
        (security.AreAccessRulesProtected,
            security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier)).Cast<FileSystemAccessRule>()
                .Select(r => (r.IdentityReference.Value, r.FileSystemRights, r.AccessControlType)).ToList());

    public static string CurrentUser()
    {
        using var identity = WindowsIdentity.GetCurrent();
        return identity.User!.Value;
    }

    /// <summary>Adds a rule that lets everyone read, as a folder shared by mistake would have.</summary>
    public static void AllowEveryoneToRead(DirectoryInfo folder)
    {
        var security = folder.GetAccessControl();
        security.AddAccessRule(new FileSystemAccessRule(new SecurityIdentifier(WellKnownSidType.WorldSid, null), FileSystemRights.Read, AccessControlType.Allow));
        folder.SetAccessControl(security);
    }
}
