using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Endpoints;

/// <summary>
/// A subject from a path or query: URL-decoded already, normalized (":.:x" → "x"), and for
/// /subjects/… paths rewritten to its alias target as the registry's AliasFilter does.
/// </summary>
internal static class SubjectPath
{
    public static string Aliased(RegistryCore core, string raw)
    {
        var subject = QualifiedSubject.Normalize(raw);
        return core.Scopes.AliasTarget(subject) ?? subject;
    }

    public static string Plain(string raw) => QualifiedSubject.Normalize(raw);
}
