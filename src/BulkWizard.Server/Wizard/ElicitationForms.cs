using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard;
using ModelContextProtocol.Protocol;
using static ModelContextProtocol.Protocol.ElicitRequestParams;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// Turns a wizard <see cref="Question"/> into an elicitation form for the negotiated protocol revision:
/// titled and multi-select enums and defaults from 2025-11-25 on; <c>enumNames</c> and comma-separated
/// lists before. Elicitation schemas are flat and strings have no pattern, so the server checks answers.
/// </summary>
public static class ElicitationForms
{
    private const string FirstRevisionWithTitledEnums = "2025-11-25";

    public static ElicitRequestParams Build(Question question, string? protocolVersion, string? notice = null)
    {
        var modern = string.CompareOrdinal(protocolVersion ?? FirstRevisionWithTitledEnums, FirstRevisionWithTitledEnums) >= 0;
        var properties = new Dictionary<string, PrimitiveSchemaDefinition>(StringComparer.Ordinal);
        foreach (var field in question.Fields)
        {
            properties[field.Key] = modern ? Modern(field) : Legacy(field);
        }

        return new ElicitRequestParams
        {
            Message = notice is null ? question.Message : $"{notice}\n\n{question.Message}",
            RequestedSchema = new RequestSchema
            {
                Properties = properties,
                Required = [.. question.Fields.Where(f => f.Required).Select(f => f.Key)],
            },
        };
    }

    private static PrimitiveSchemaDefinition Modern(Field field) => field.Kind switch
    {
        FieldKind.Choice => new TitledSingleSelectEnumSchema
        {
            Title = field.Title,
            Description = field.Description,
            OneOf = [.. field.Options.Select(Option)],
            Default = field.Default?.GetValue<string>(),
        },
        FieldKind.MultiChoice => new TitledMultiSelectEnumSchema
        {
            Title = field.Title,
            Description = field.Description,
            MinItems = 1,
            Items = new TitledEnumItemsSchema { AnyOf = [.. field.Options.Select(Option)] },
            Default = field.Default is JsonArray items ? [.. items.Select(i => i!.GetValue<string>())] : null,
        },
        FieldKind.Number => Number(field, withDefault: true),
        FieldKind.Boolean => new BooleanSchema { Title = field.Title, Description = field.Description, Default = field.Default?.GetValue<bool>() },
        _ => Text(field, withDefault: true),
    };

    private static PrimitiveSchemaDefinition Legacy(Field field) => field.Kind switch
    {
        // Deprecated from 2025-11-25 on, and exactly what clients of the earlier revisions understand.
#pragma warning disable MCP9001
        FieldKind.Choice => new LegacyTitledEnumSchema
        {
            Title = field.Title,
            Description = field.Description,
            Enum = [.. field.Options.Select(o => o.Value)],
            EnumNames = [.. field.Options.Select(o => o.Title)],
        },
#pragma warning restore MCP9001
        // 2025-06-18 has no multi-select: the values are typed, comma-separated, and checked here.
        FieldKind.MultiChoice => new StringSchema
        {
            Title = field.Title,
            Description = "Comma-separated, from: " + string.Join(", ", field.Options.Select(o => o.Value)),
        },
        FieldKind.Number => Number(field, withDefault: false),
        FieldKind.Boolean => new BooleanSchema { Title = field.Title, Description = field.Description },
        _ => Text(field, withDefault: false),
    };

    private static NumberSchema Number(Field field, bool withDefault) => new()
    {
        Type = field.WholeNumber ? "integer" : "number",
        Title = field.Title,
        Description = field.Description,
        Minimum = field.Minimum,
        Maximum = field.Maximum,
        Default = withDefault ? field.Default?.GetValue<double>() : null,
    };

    private static StringSchema Text(Field field, bool withDefault) => new()
    {
        Title = field.Title,
        Description = field.Kind == FieldKind.TypedConfirmation ? $"Type {field.Expected} exactly." : field.Description,
        MaxLength = field.MaxLength,
        Default = withDefault && field.Kind == FieldKind.Text ? field.Default?.GetValue<string>() : null,
    };

    private static EnumSchemaOption Option(ChoiceOption option) => new() { Const = option.Value, Title = option.Title };
}
