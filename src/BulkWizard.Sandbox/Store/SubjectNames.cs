using BulkWizard.Sandbox.Http;

namespace BulkWizard.Sandbox.Store;

/// <summary>Which subject names the registry refuses to register under (42208).</summary>
internal static class SubjectNames
{
    public static void RequireValidForRegistration(QualifiedSubject name, string subject)
    {
        if (name.Name is "__GLOBAL" or "__EMPTY"
            || name.Context == QualifiedSubject.GlobalContext
            || subject.Any(char.IsControl))
        {
            throw RegistryErrors.InvalidSubject(subject);
        }
    }
}
