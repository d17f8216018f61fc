using System.Text.Json.Nodes;

namespace BulkWizard.Core.Wizard;

/// <summary>The outcome of checking one answer: the stored value, or the error to show.</summary>
public sealed record FieldValidation(JsonNode? Value, string? Error)
{
    public bool IsValid => Error is null;

    public static FieldValidation Ok(JsonNode? value) => new(value, null);

    public static FieldValidation Fail(string error) => new(null, error);
}
