using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Selection;

/// <summary>
/// The steps every operation starts with: choose a selector (with counts), then a custom pattern or
/// individual subjects when that is the choice. Counts come from one <see cref="SubjectCatalog"/> per session.
/// </summary>
internal sealed class SelectionSteps(IRegistryGateway gateway, SelectionOptions options, string messageKey)
{
    private const string CatalogItem = "selection.catalog";

    public IReadOnlyList<WizardStep> Steps =>
    [
        new(SelectionKeys.Selection, AskSelectorAsync),
        new(SelectionKeys.Pattern, AskPatternAsync) { Applies = a => a.GetString(SelectionKeys.Selection) == SelectionKeys.Custom },
        new(SelectionKeys.Subjects, AskSubjectsAsync) { Applies = a => a.GetString(SelectionKeys.Selection) == SelectionKeys.Individual },
    ];

    public async Task<SubjectCatalog> CatalogAsync(WizardSession session, CancellationToken cancellationToken)
    {
        if (session.Items.TryGetValue(CatalogItem, out var cached))
        {
            return (SubjectCatalog)cached;
        }

        var catalog = await SubjectCatalog.ReadAsync(gateway, session.Answers.GetBool(SelectionKeys.IncludeDeleted) ?? false, cancellationToken);
        session.Items[CatalogItem] = catalog;
        return catalog;
    }

    private async ValueTask<Question> AskSelectorAsync(WizardSession session, CancellationToken cancellationToken)
    {
        var catalog = await CatalogAsync(session, cancellationToken);
        var defaultContext = catalog.InContext(QualifiedSubject.DefaultContext);
        var testCount = defaultContext.Count(s => options.TestPrefixes.Any(p => s.Name.StartsWith(p, StringComparison.Ordinal)));
        var deprecatedByName = defaultContext.Count(s => options.DeprecatedPrefixes.Any(p => s.Name.StartsWith(p, StringComparison.Ordinal)));
        var choices = new List<ChoiceOption>
        {
            new(SelectionKeys.Individual, WizardTexts.Get("selection_individual")),
            new(SelectionKeys.Test, WizardTexts.Get("selection_test", PrefixGlob(options.TestPrefixes), testCount)),
            new(SelectionKeys.Deprecated, WizardTexts.Get("selection_deprecated", PrefixGlob(options.DeprecatedPrefixes), deprecatedByName)),
            new(SelectionKeys.All, WizardTexts.Get("selection_all", defaultContext.Count)),
        };
        choices.AddRange(catalog.Contexts.Where(c => c != QualifiedSubject.DefaultContext)
            .Select(c => new ChoiceOption($":{c}:*", WizardTexts.Get("selection_context", $":{c}:", c, catalog.ContextSizes[c]))));
        choices.Add(new(SelectionKeys.Custom, WizardTexts.Get("selection_custom")));
        return new Question(SelectionKeys.Selection, WizardTexts.Get(messageKey), new Field(SelectionKeys.Selection, FieldKind.Choice, "Schemas") { Options = choices });
    }

    private static ValueTask<Question> AskPatternAsync(WizardSession session, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new Question(SelectionKeys.Pattern, WizardTexts.Get("enter_pattern"), new Field(SelectionKeys.Pattern, FieldKind.Text, "Pattern") { Rule = PatternError }));

    private static string? PatternError(string text)
    {
        try
        {
            SubjectPattern.Parse(text);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    private async ValueTask<Question> AskSubjectsAsync(WizardSession session, CancellationToken cancellationToken)
    {
        var catalog = await CatalogAsync(session, cancellationToken);
        var names = catalog.Subjects.Select(s => s.ToString()).ToList();
        var field = names.Count <= options.MultiSelectLimit
            ? new Field(SelectionKeys.Subjects, FieldKind.MultiChoice, "Subjects") { Options = [.. names.Select(n => new ChoiceOption(n, n))] }
            : new Field(SelectionKeys.Subjects, FieldKind.Text, "Subjects");
        var message = field.Kind == FieldKind.MultiChoice ? WizardTexts.Get("choose_subjects") : WizardTexts.Get("list_subjects", names.Count);
        return new Question(SelectionKeys.Subjects, message, field);
    }

    private static string PrefixGlob(IReadOnlyList<string> prefixes) => string.Join(", ", prefixes.Select(p => p + "*"));
}
