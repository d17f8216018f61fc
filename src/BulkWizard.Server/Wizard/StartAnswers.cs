using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// <c>start_bulk_wizard</c>'s operation answers as one object: its <c>answers</c> argument, plus the answers it also
/// takes as flat parameters (the schema update's, kept from before <c>answers</c> existed).
/// </summary>
public static class StartAnswers
{
    /// <exception cref="WizardInputException"><c>answers</c> is not an object, or a value is given both ways and differs.</exception>
    public static JsonObject Merge(JsonElement? answers, params (string Name, string? Value)[] parameters)
    {
        var merged = answers switch
        {
            null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => [],
            { ValueKind: JsonValueKind.Object } given => JsonNode.Parse(given.GetRawText())!.AsObject(),
            _ => throw new WizardInputException("answers: give an object of {argument: value}, e.g. {\"update_type\": \"naming\", \"convention\": \"kebab_case\"}."),
        };
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            if (merged.TryGetPropertyValue(name, out var other) && other is not null && other.ToJsonString() != JsonValue.Create(value).ToJsonString())
            {
                throw new WizardInputException($"{name}: given as '{value}' and in answers as {other.ToJsonString()}; give it once.");
            }

            merged[name] = value;
        }

        return merged;
    }
}
