using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BulkWizard.Core.Wizard;

/// <summary>
/// One input of a question: its key (the answer's name), kind, title, allowed values and limits.
/// <see cref="Validate"/> turns a raw answer into the stored form or says what is allowed.
/// </summary>
public sealed record Field(string Key, FieldKind Kind, string Title)
{
    public string? Description { get; init; }

    public IReadOnlyList<ChoiceOption> Options { get; init; } = [];

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public bool WholeNumber { get; init; }

    public int MaxLength { get; init; } = 4096;

    /// <summary>The exact text a <see cref="FieldKind.TypedConfirmation"/> needs.</summary>
    public string? Expected { get; init; }

    /// <summary>Shown pre-selected where the client's protocol revision supports defaults.</summary>
    public JsonNode? Default { get; init; }

    public bool Required { get; init; } = true;

    /// <summary>An extra rule for text and choice answers: the error to show, or null when the answer is fine.</summary>
    public Func<string, string?>? Rule { get; init; }

    /// <summary>The answer in its stored form (string, array of strings, number or boolean), or an error naming the field and what is allowed.</summary>
    public FieldValidation Validate(JsonNode? raw) => Kind switch
    {
        FieldKind.Choice => ValidateChoice(raw),
        FieldKind.MultiChoice => ValidateMultiChoice(raw),
        FieldKind.Text => ValidateText(raw),
        FieldKind.Number => ValidateNumber(raw),
        FieldKind.Boolean => ValidateBoolean(raw),
        FieldKind.TypedConfirmation => ValidateConfirmation(raw),
        _ => FieldValidation.Fail($"{Key}: unsupported field kind {Kind}."),
    };

    /// <summary>The allowed values, for error messages and the no-elicitation fallback.</summary>
    public string AllowedText => Kind switch
    {
        FieldKind.Choice or FieldKind.MultiChoice => "one of " + string.Join(", ", Options.Select(o => o.Value)),
        FieldKind.Number => $"a{(WholeNumber ? " whole number" : " number")} from {Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} to {Maximum?.ToString(CultureInfo.InvariantCulture) ?? "∞"}",
        FieldKind.Boolean => "true or false",
        FieldKind.TypedConfirmation => $"exactly {Expected}",
        _ => $"a text of at most {MaxLength} characters",
    };

    private FieldValidation ValidateChoice(JsonNode? raw)
    {
        var value = AsString(raw);
        if (value is null || Options.All(o => o.Value != value))
        {
            return FieldValidation.Fail($"{Key}: '{value}' is not allowed: use {AllowedText}.");
        }

        return Rule?.Invoke(value) is { } error ? FieldValidation.Fail(error) : FieldValidation.Ok(JsonValue.Create(value));
    }

    private FieldValidation ValidateMultiChoice(JsonNode? raw)
    {
        IEnumerable<string?> values = raw switch
        {
            JsonArray array => array.Select(AsString),
            JsonValue value when AsString(value) is { } text => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            _ => [null],
        };
        var list = values.ToList();
        var unknown = list.FirstOrDefault(v => v is null || Options.All(o => o.Value != v));
        if (list.Count == 0 || unknown is not null || list.Contains(null))
        {
            return FieldValidation.Fail($"{Key}: '{unknown}' is not allowed: use {AllowedText} (one or more).");
        }

        return FieldValidation.Ok(new JsonArray([.. list.Distinct().Select(v => (JsonNode)JsonValue.Create(v!))]));
    }

    private FieldValidation ValidateText(JsonNode? raw)
    {
        // A list given where a typed list is asked (many subjects) is the same answer.
        var value = (raw is JsonArray items ? string.Join(", ", items.Select(AsString)) : AsString(raw))?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return FieldValidation.Fail($"{Key}: give {AllowedText}, not empty.");
        }

        return Rule?.Invoke(value) is { } error ? FieldValidation.Fail(error) : FieldValidation.Ok(JsonValue.Create(value));
    }

    private FieldValidation ValidateNumber(JsonNode? raw)
    {
        double? number = raw is JsonValue value && value.GetValueKind() == JsonValueKind.Number && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
            : AsString(raw) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null;
        var valid = number is { } n && double.IsFinite(n) && (!WholeNumber || Math.Abs(n % 1) < double.Epsilon)
            && (Minimum is null || n >= Minimum) && (Maximum is null || n <= Maximum);
        return valid
            ? FieldValidation.Ok(JsonValue.Create(number!.Value))
            : FieldValidation.Fail($"{Key}: '{raw?.ToJsonString()}' is not allowed: use {AllowedText}.");
    }

    private FieldValidation ValidateBoolean(JsonNode? raw)
    {
        bool? flag = raw is JsonValue value && value.TryGetValue<bool>(out var b) ? b
            : AsString(raw)?.Trim().ToUpperInvariant() switch { "TRUE" or "YES" => true, "FALSE" or "NO" => false, _ => null };
        return flag is { } f
            ? FieldValidation.Ok(JsonValue.Create(f))
            : FieldValidation.Fail($"{Key}: '{raw?.ToJsonString()}' is not allowed: use {AllowedText}.");
    }

    private FieldValidation ValidateConfirmation(JsonNode? raw) =>
        AsString(raw) == Expected
            ? FieldValidation.Ok(JsonValue.Create(Expected))
            : FieldValidation.Fail($"{Key}: type {Expected} exactly to confirm; '{AsString(raw)}' does not confirm.");

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
