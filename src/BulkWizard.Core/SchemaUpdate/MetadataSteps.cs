using BulkWizard.Core.SchemaUpdate.Metadata;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// The questions of a metadata update: where it goes (new versions, or the subject config's
/// defaultMetadata / overrideMetadata), what changes, the property or schema path, and the value or tags.
/// </summary>
internal static class MetadataSteps
{
    internal static readonly string[] Targets = ["latest_versions", "default_metadata", "override_metadata"];
    internal static readonly string[] Actions = [SchemaUpdateKeys.SetProperty, SchemaUpdateKeys.RemoveProperty, SchemaUpdateKeys.SetTags, SchemaUpdateKeys.RemoveTags];

    public static IReadOnlyList<WizardStep> For(Func<WizardAnswers, bool> applies) =>
    [
        Choice(SchemaUpdateKeys.MetadataTarget, "metadata_target", "Target", Targets, applies),
        Choice(SchemaUpdateKeys.MetadataAction, "metadata_action", "Change", Actions, applies),
        new(SchemaUpdateKeys.MetadataKey, (session, _) => ValueTask.FromResult(KeyQuestion(session.Answers))) { Applies = applies },
        new(SchemaUpdateKeys.MetadataValue, (session, _) => ValueTask.FromResult(ValueQuestion(session.Answers)))
        {
            Applies = a => applies(a) && NeedsValue(a.GetString(SchemaUpdateKeys.MetadataAction)),
        },
    ];

    /// <summary>The request the answers describe; its validation names the field and what is allowed.</summary>
    public static MetadataRequest RequestOf(WizardAnswers answers)
    {
        var request = Build(answers, answers.GetString(SchemaUpdateKeys.MetadataKey) ?? "", answers.GetString(SchemaUpdateKeys.MetadataValue) ?? "");
        return request.Validate() is { } problem ? throw new WizardInputException(problem) : request;
    }

    /// <summary>Whether the action takes a value (a property value or tags) besides its key.</summary>
    internal static bool NeedsValue(string? action) => action is SchemaUpdateKeys.SetProperty or SchemaUpdateKeys.SetTags;

    /// <summary>The first problem of the change these values describe, naming the field; null when it is fine.</summary>
    internal static string? Problem(string? target, string? action, string key, string value) => Build(target, action, key, value).Validate();

    private static MetadataRequest Build(WizardAnswers answers, string key, string value) =>
        Build(answers.GetString(SchemaUpdateKeys.MetadataTarget), answers.GetString(SchemaUpdateKeys.MetadataAction), key, value);

    private static MetadataRequest Build(string? target, string? action, string key, string value)
    {
        var edit = action switch
        {
            SchemaUpdateKeys.SetProperty => new MetadataEdit { SetProperties = new Dictionary<string, string> { [key] = value } },
            SchemaUpdateKeys.RemoveProperty => new MetadataEdit { RemoveProperties = [.. Split(key)] },
            SchemaUpdateKeys.SetTags => new MetadataEdit { SetTags = new Dictionary<string, IReadOnlyList<string>> { [key] = [.. Split(value)] } },
            _ => new MetadataEdit { RemoveTags = [.. Split(key)] },
        };
        return target switch
        {
            "default_metadata" => MetadataRequest.DefaultMetadata(edit),
            "override_metadata" => MetadataRequest.OverrideMetadata(edit),
            _ => MetadataRequest.LatestVersions(edit),
        };
    }

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static WizardStep Choice(string key, string messageKey, string title, string[] values, Func<WizardAnswers, bool> applies) =>
        new(key, (_, _) => ValueTask.FromResult(new Question(key, WizardTexts.Get(messageKey), new Field(key, FieldKind.Choice, title)
        {
            Options = [.. values.Select(v => new ChoiceOption(v, WizardTexts.Get($"{messageKey}_{v}")))],
        })))
        { Applies = applies };

    private static Question KeyQuestion(WizardAnswers answers)
    {
        var tags = answers.GetString(SchemaUpdateKeys.MetadataAction) is SchemaUpdateKeys.SetTags or SchemaUpdateKeys.RemoveTags;
        return new Question(
            SchemaUpdateKeys.MetadataKey,
            WizardTexts.Get(tags ? "metadata_key_path" : "metadata_key_property"),
            new Field(SchemaUpdateKeys.MetadataKey, FieldKind.Text, tags ? "Schema path" : "Property")
            {
                // Checked with a stand-in value: the value has its own question.
                Rule = key => Build(answers, key, "value").Validate(),
            });
    }

    private static Question ValueQuestion(WizardAnswers answers)
    {
        var tags = answers.GetString(SchemaUpdateKeys.MetadataAction) == SchemaUpdateKeys.SetTags;
        return new Question(
            SchemaUpdateKeys.MetadataValue,
            WizardTexts.Get(tags ? "metadata_value_tags" : "metadata_value_property"),
            new Field(SchemaUpdateKeys.MetadataValue, FieldKind.Text, tags ? "Tags" : "Value")
            {
                Rule = value => Build(answers, answers.GetString(SchemaUpdateKeys.MetadataKey) ?? "", value).Validate(),
            });
    }
}
