using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Migration;

/// <summary>
/// A wizard's selection read within <c>source_context</c> when one is given, by the rule the planning tool applies to
/// its pattern (<see cref="MigrationArguments.QualifyPattern"/>): a custom pattern's terms without a context get it,
/// and a selection naming another context is refused. Without <c>source_context</c> the selection says the context.
/// </summary>
internal static class SourceContextSelection
{
    /// <summary>The source context given (answered, or proposed by the arguments given up front); null when none.</summary>
    public static string? Of(WizardSession session)
    {
        var given = session.Given(MigrationKeys.SourceContext);
        return given is null ? null : MigrationContexts.Normalize(given);
    }

    /// <summary>Qualifies a custom pattern's answer within <paramref name="context"/>; a term naming another context is refused.</summary>
    public static void Qualify(WizardSession session, string context)
    {
        if (session.Answers.GetString(SelectionKeys.Selection) == SelectionKeys.Custom && session.Answers.GetString(SelectionKeys.Pattern) is { } pattern)
        {
            // Qualifying is idempotent, so a pattern the planning tool already qualified stays as it is.
            session.Answers.Set(SelectionKeys.Pattern, MigrationArguments.QualifyPattern(pattern, context));
        }
    }

    /// <summary>Refuses a selection (a selector, or individual subjects) whose subjects are not all in <paramref name="context"/>.</summary>
    public static void Check(SelectedSubjects selection, string context)
    {
        var elsewhere = selection.Subjects.FirstOrDefault(s => s.Context != context);
        if (elsewhere is not null)
        {
            throw new WizardInputException(
                $"source_context: the selection ({selection.Description}) has {selection.Display(elsewhere)} in context {elsewhere.Context}, not source_context '{context}'; a migration moves one context.");
        }
    }
}
