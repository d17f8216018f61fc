using BulkWizard.Sandbox.Store;

namespace BulkWizard.Sandbox.Http;

/// <summary>
/// The registry's ContextFilter: <c>/contexts/{ctx}/…</c> becomes the plain path with subjects
/// qualified by the context (<c>/contexts/.c/subjects/s</c> → <c>/subjects/:.c:s</c>,
/// <c>/contexts/.c/config</c> → <c>/config/:.c:</c>, <c>/contexts/.c/schemas</c> → a prefixed
/// <c>subjectPrefix</c>, <c>/contexts/.c/schemas/ids/5</c> → <c>?subject=:.c:</c>).
/// </summary>
internal static class ContextPrefixRewriter
{
    public static void Rewrite(RequestPath path)
    {
        var s = path.Segments;
        if (s.Count < 3 || s[0] != "contexts")
        {
            return;
        }

        var context = ContextName.TryNormalize(s[1]) ?? throw RegistryErrors.BadRequest($"Invalid context: {s[1]}");
        var prefix = ":" + context + ":";
        var rest = s.Skip(2).ToList();
        switch (rest[0])
        {
            case "subjects" when rest.Count == 1:
                path.Query["subjectPrefix"] = prefix + (path.Param("subjectPrefix") ?? string.Empty);
                break;
            case "subjects":
                rest[1] = Qualify(prefix, rest[1]);
                break;
            case "schemas" when rest.Count >= 3 && rest[1] == "ids":
                path.Query["subject"] = Qualify(prefix, path.Param("subject") ?? string.Empty);
                break;
            case "schemas":
                path.Query["subjectPrefix"] = prefix + (path.Param("subjectPrefix") ?? string.Empty);
                break;
            case "config" or "mode" when rest.Count == 1:
                rest.Add(prefix);
                break;
            case "config" or "mode":
                rest[1] = Qualify(prefix, rest[1]);
                break;
            case "compatibility" when rest.Count >= 3 && rest[1] == "subjects":
                rest[2] = Qualify(prefix, rest[2]);
                break;
        }

        s.Clear();
        s.AddRange(rest);
    }

    private static string Qualify(string prefix, string subject) =>
        subject.StartsWith(":.", StringComparison.Ordinal) ? subject : QualifiedSubject.Normalize(prefix + subject);
}
