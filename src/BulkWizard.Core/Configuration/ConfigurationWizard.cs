using BulkWizard.Core.Operations;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// The configuration flow: "What would you like to configure?", "Where should the configuration apply?" (subjects, one
/// context, the default context, all contexts), the context or the shared selection when the scope needs one, then the
/// type's own question (mode settings, or the security policy). A pattern given up front implies scope <c>subjects</c>.
/// </summary>
internal sealed class ConfigurationWizard : IWizardDefinition
{
    private readonly IRegistryGateway _gateway;

    public ConfigurationWizard(IRegistryGateway gateway, SelectionOptions options)
    {
        _gateway = gateway;
        Selection = new SelectionSteps(gateway, options, "configuration_select_subjects");
        Steps =
        [
            new(ConfigurationKeys.ConfigurationType, static (_, _) => ValueTask.FromResult(TypeQuestion())),
            new(ConfigurationKeys.Scope, static (session, _) => ValueTask.FromResult(ScopeQuestion(session))),
            new(ConfigurationKeys.Context, ContextQuestionAsync) { Applies = a => a.GetString(ConfigurationKeys.Scope) == ConfigurationKeys.ContextScope },
            .. Selection.Steps.Select(s => s with { Applies = a => a.GetString(ConfigurationKeys.Scope) == ConfigurationKeys.Subjects && s.Applies(a) }),
            new(ConfigurationKeys.OptionsStep, static (session, _) => ValueTask.FromResult(OptionsQuestion(session))),
        ];
    }

    public string OperationType => OperationTypes.Configuration;

    public SelectionSteps Selection { get; }

    public IReadOnlyList<WizardStep> Steps { get; }

    private static Question TypeQuestion() => new(
        ConfigurationKeys.ConfigurationType,
        WizardTexts.Get("configuration_type"),
        new Field(ConfigurationKeys.ConfigurationType, FieldKind.Choice, "Configuration") { Options = [.. ConfigurationTypes.All.Select(t => t.Option)] });

    /// <summary>A pattern or subjects given up front select subjects: they imply scope <c>subjects</c> and are refused with another scope.</summary>
    private static Question ScopeQuestion(WizardSession session)
    {
        if (session.Proposed.ContainsKey(SelectionKeys.Pattern) || session.Proposed.ContainsKey(SelectionKeys.Subjects))
        {
            var scope = session.Proposed.GetValueOrDefault(ConfigurationKeys.Scope)?.GetValue<string>();
            if (scope is not null && scope != ConfigurationKeys.Subjects)
            {
                throw new WizardInputException($"pattern: only for scope '{ConfigurationKeys.Subjects}', not '{scope}': the {scope} scope sets one setting above the subjects; leave pattern out.");
            }

            session.Proposed[ConfigurationKeys.Scope] = ConfigurationKeys.Subjects;
        }

        return new Question(
            ConfigurationKeys.Scope,
            WizardTexts.Get("configuration_scope"),
            new Field(ConfigurationKeys.Scope, FieldKind.Choice, "Scope") { Options = [.. ConfigurationScopes.Values.Select(ConfigurationScopes.Option)] });
    }

    private async ValueTask<Question> ContextQuestionAsync(WizardSession session, CancellationToken cancellationToken)
    {
        var contexts = (await _gateway.ListContextsAsync(cancellationToken)).Where(c => c != QualifiedSubject.DefaultContext).ToList();
        return new Question(ConfigurationKeys.Context, WizardTexts.Get("configuration_context"), new Field(ConfigurationKeys.Context, FieldKind.Text, "Context")
        {
            Description = contexts.Count > 0 ? WizardTexts.Get("configuration_context_known", string.Join(", ", contexts)) : null,
            Rule = ConfigurationScopes.ContextProblem,
        });
    }

    private static Question OptionsQuestion(WizardSession session)
    {
        var type = ConfigurationTypes.Find(session.Answers.GetString(ConfigurationKeys.ConfigurationType))
            ?? throw new WizardInputException("configuration_type: not answered.");
        return type.Question(session.Answers.GetString(ConfigurationKeys.Scope));
    }
}
