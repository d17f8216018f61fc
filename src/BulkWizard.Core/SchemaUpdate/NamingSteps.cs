using BulkWizard.Core.SchemaUpdate.Naming;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>The questions of a naming update: the convention, then its prefix or context when it needs one.</summary>
internal static class NamingSteps
{
    private static readonly string[] Conventions =
        ["topic_name", "record_name", "topic_record_name", "kebab_case", "snake_case", "camel_case", SchemaUpdateKeys.PrefixConvention, SchemaUpdateKeys.ContextConvention];

    public static IReadOnlyList<WizardStep> For(Func<WizardAnswers, bool> applies) =>
    [
        new(SchemaUpdateKeys.Convention, static (_, _) => ValueTask.FromResult(ConventionQuestion())) { Applies = applies },
        Text(SchemaUpdateKeys.Prefix, "enter_prefix", "Prefix", SchemaUpdateKeys.PrefixConvention, applies),
        Text(SchemaUpdateKeys.Context, "enter_context", "Context", SchemaUpdateKeys.ContextConvention, applies),
    ];

    /// <summary>The convention the answers name.</summary>
    public static NamingConvention ConventionOf(WizardAnswers answers) => answers.GetString(SchemaUpdateKeys.Convention) switch
    {
        SchemaUpdateKeys.PrefixConvention => NamingConvention.Prefix(answers.GetString(SchemaUpdateKeys.Prefix) ?? ""),
        SchemaUpdateKeys.ContextConvention => NamingConvention.Context(answers.GetString(SchemaUpdateKeys.Context) ?? ""),
        var name => NamingConvention.Parse(name),
    };

    /// <summary>Answers for a convention given as one argument: <c>kebab_case</c>, <c>prefix:team-</c>, <c>context:.staging</c>.</summary>
    public static IEnumerable<(string Key, string Value)> Proposals(string convention)
    {
        var parsed = NamingConvention.Parse(convention);
        switch (parsed.Kind)
        {
            case NamingConventionKind.RequiredPrefix:
                yield return (SchemaUpdateKeys.Convention, SchemaUpdateKeys.PrefixConvention);
                yield return (SchemaUpdateKeys.Prefix, parsed.Argument!);
                break;
            case NamingConventionKind.RequiredContext:
                yield return (SchemaUpdateKeys.Convention, SchemaUpdateKeys.ContextConvention);
                yield return (SchemaUpdateKeys.Context, parsed.Argument!);
                break;
            default:
                yield return (SchemaUpdateKeys.Convention, parsed.Name);
                break;
        }
    }

    private static Question ConventionQuestion() => new(
        SchemaUpdateKeys.Convention,
        WizardTexts.Get("select_convention"),
        new Field(SchemaUpdateKeys.Convention, FieldKind.Choice, "Convention")
        {
            Description = WizardTexts.Get("convention_description"),
            Options = [.. Conventions.Select(c => new ChoiceOption(c, WizardTexts.Get("convention_" + c)))],
        });

    private static WizardStep Text(string key, string messageKey, string title, string convention, Func<WizardAnswers, bool> applies) =>
        new(key, (_, _) => ValueTask.FromResult(new Question(key, WizardTexts.Get(messageKey), new Field(key, FieldKind.Text, title)
        {
            Rule = text => Refusal(() => _ = convention == SchemaUpdateKeys.PrefixConvention ? NamingConvention.Prefix(text) : NamingConvention.Context(text)),
        })))
        {
            Applies = a => applies(a) && a.GetString(SchemaUpdateKeys.Convention) == convention,
        };

    private static string? Refusal(Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (WizardInputException e)
        {
            return e.Message;
        }
    }
}
