using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Selection;

/// <summary>
/// Turns the selection answers into subjects. Patterns match the catalog (never an alias: aliases have
/// no versions, so they are not listed); an individually typed name that is not a subject is looked
/// up as an alias and replaced by its target.
/// </summary>
internal sealed class SelectionResolver(IRegistryGateway gateway, SelectionOptions options, SelectionSteps steps)
{
    public async Task<SelectedSubjects> ResolveAsync(WizardSession session, CancellationToken cancellationToken)
    {
        var catalog = await steps.CatalogAsync(session, cancellationToken);
        var selected = await SelectAsync(session, catalog, cancellationToken);
        return selected with { ContextSizes = catalog.ContextSizes };
    }

    private async Task<SelectedSubjects> SelectAsync(WizardSession session, SubjectCatalog catalog, CancellationToken cancellationToken)
    {
        var answers = session.Answers;
        var selection = answers.GetString(SelectionKeys.Selection) ?? throw new WizardInputException("selection: not answered.");
        var noAliases = new Dictionary<QualifiedSubject, string>();
        switch (selection)
        {
            case SelectionKeys.Test:
                return new(Prefixes(options.TestPrefixes), catalog.Select(s => s.IsDefaultContext && HasPrefix(s, options.TestPrefixes)), noAliases);
            case SelectionKeys.Deprecated:
                var marked = await DeprecationReader.ReadAsync(gateway, options.DeprecatedProperty, cancellationToken);
                return new(
                    $"{Prefixes(options.DeprecatedPrefixes)} and {options.DeprecatedProperty}=true",
                    catalog.Select(s => s.IsDefaultContext && (HasPrefix(s, options.DeprecatedPrefixes) || marked.Contains(s))),
                    noAliases);
            case SelectionKeys.Custom:
                var pattern = SubjectPattern.Parse(answers.GetString(SelectionKeys.Pattern) ?? "");
                return new(pattern.Text, catalog.MatchSome(pattern, gateway.Registry.Name), noAliases);
            case SelectionKeys.Individual:
                return await ResolveIndividualAsync(catalog, answers.GetStrings(SelectionKeys.Subjects), cancellationToken);
            default:
                var context = SubjectPattern.Parse(selection);
                return new(selection, catalog.Match(context), noAliases);
        }
    }

    private async Task<SelectedSubjects> ResolveIndividualAsync(SubjectCatalog catalog, IReadOnlyList<string> typed, CancellationToken cancellationToken)
    {
        var names = typed.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        var known = catalog.Subjects.ToHashSet();
        var subjects = new List<QualifiedSubject>();
        var aliases = new Dictionary<QualifiedSubject, string>();
        foreach (var name in names)
        {
            var subject = QualifiedSubject.Parse(name);
            if (known.Contains(subject))
            {
                subjects.Add(subject);
                continue;
            }

            var alias = (await gateway.GetConfigAsync(RegistryScope.ForSubject(subject), cancellationToken))?.Fields["alias"]?.GetValue<string>();
            if (alias is null)
            {
                throw new WizardInputException($"subjects: '{name}' is not a subject of registry '{gateway.Registry.Name}'{(catalog.IncludesDeleted ? "" : " (soft-deleted subjects are left out unless include_deleted is true)")}.");
            }

            // An unqualified alias target lives in the alias's own context.
            var target = alias.StartsWith(":.", StringComparison.Ordinal) ? QualifiedSubject.Parse(alias) : new QualifiedSubject(subject.Context, alias);
            subjects.Add(target);
            aliases[target] = name;
        }

        return new(string.Join(", ", names), subjects.Distinct().ToList(), aliases);
    }

    private static bool HasPrefix(QualifiedSubject subject, IReadOnlyList<string> prefixes) =>
        prefixes.Any(p => subject.Name.StartsWith(p, StringComparison.Ordinal));

    private static string Prefixes(IReadOnlyList<string> prefixes) => string.Join(", ", prefixes.Select(p => p + "*"));
}
