using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// The pattern a retention policy is stored under, from the scope: the subjects' own pattern (or the named subjects,
/// or the context the selection chose), <c>:.ctx:*</c> for a context, <c>*</c> for the default context, <c>:*:*</c> for
/// every context. A selection that is no pattern (deprecated subjects, found by their metadata) is refused.
/// </summary>
internal static class RetentionPattern
{
    public static string Of(ConfigurationPlanning planning)
    {
        var request = planning.Request;
        return request.Scope switch
        {
            ConfigurationKeys.ContextScope => $":{request.Context}:*",
            ConfigurationKeys.DefaultContext => "*",
            ConfigurationKeys.AllContexts => ":*:*",
            _ => OfSelection(planning),
        };
    }

    private static string OfSelection(ConfigurationPlanning planning)
    {
        var answers = planning.Answers;
        var selection = answers[SelectionKeys.Selection]?.GetValue<string>();
        var pattern = selection switch
        {
            SelectionKeys.Custom => answers[SelectionKeys.Pattern]?.GetValue<string>(),
            SelectionKeys.Individual => string.Join(",", planning.Subjects),
            SelectionKeys.Test => string.Join(",", planning.Options.TestPrefixes.Select(p => p + "*")),
            SelectionKeys.Deprecated => throw new WizardInputException(
                "selection: a retention policy is stored by pattern, and deprecated subjects are found by their metadata too; give a pattern."),
            _ => selection,
        };
        return pattern ?? throw new WizardInputException("pattern: missing for configuration_type 'retention'; give the subjects the policy covers, e.g. orders-*.");
    }
}
