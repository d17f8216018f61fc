using System.Text.RegularExpressions;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Migration;

/// <summary>Context names as the migration takes them: '.' for the default context, '.name' (a leading dot added when missing).</summary>
internal static partial class MigrationContexts
{
    public static bool IsValid(string context) => context == QualifiedSubject.DefaultContext || Name().IsMatch(Normalize(context));

    public static string Normalize(string context)
    {
        var trimmed = context.Trim();
        if (trimmed.StartsWith(":.", StringComparison.Ordinal) && trimmed.EndsWith(':'))
        {
            trimmed = trimmed[1..^1];
        }

        return trimmed.Length == 0 || trimmed == QualifiedSubject.DefaultContext ? QualifiedSubject.DefaultContext
            : trimmed.StartsWith('.') ? trimmed : "." + trimmed;
    }

    [GeneratedRegex(@"^\.[A-Za-z0-9_][A-Za-z0-9_.\-]*$")]
    private static partial Regex Name();
}
