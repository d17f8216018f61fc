using System.Text.Json.Nodes;

namespace BulkWizard.Core.Operations;

/// <summary>The answers an arguments record proposes, by answer key; an argument not given proposes nothing.</summary>
public sealed class ProposalSet
{
    private readonly Dictionary<string, JsonNode> _values = new(StringComparer.Ordinal);

    public ProposalSet Set(string key, JsonNode? value)
    {
        if (value is not null)
        {
            _values[key] = value;
        }

        return this;
    }

    public IReadOnlyDictionary<string, JsonNode> ToDictionary() => _values;
}
