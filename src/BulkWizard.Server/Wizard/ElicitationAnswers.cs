using System.Text.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Server.Wizard;

/// <summary>The content of an accepted elicitation form, as the wizard's answer object.</summary>
public static class ElicitationAnswers
{
    public static JsonObject ToJson(IDictionary<string, JsonElement>? content)
    {
        var json = new JsonObject();
        foreach (var (key, value) in content ?? new Dictionary<string, JsonElement>())
        {
            json[key] = JsonNode.Parse(value.GetRawText());
        }

        return json;
    }
}
