using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace BulkWizard.Core.Storage;

/// <summary>
/// Windows' equivalent of modes 0700 and 0600: a protected access list (nothing inherited from the parent folder)
/// that allows the current user alone, with full control. A folder's rule is inherited by what is created in it.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class OwnerOnlyAcl
{
    public static void Apply(DirectoryInfo folder)
    {
        var security = new DirectorySecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        security.AddAccessRule(new FileSystemAccessRule(
            CurrentUser(), FileSystemRights.FullControl, InheritanceFlags.ContainerInherit | InheritanceFlags.ObjectInherit,
            PropagationFlags.None, AccessControlType.Allow));
        folder.SetAccessControl(security);
    }

    public static void Apply(FileInfo file)
    {
        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        security.AddAccessRule(new FileSystemAccessRule(CurrentUser(), FileSystemRights.FullControl, AccessControlType.Allow));
        file.SetAccessControl(security);
    }

    private static SecurityIdentifier CurrentUser()
    {
        using var identity = WindowsIdentity.GetCurrent();
        return identity.User ?? throw new InvalidOperationException("The current Windows identity has no user SID.");
    }
}
