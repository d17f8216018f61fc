using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Operations;

/// <summary>What every arguments record shares: reading it from an <c>answers</c> object, and the wording of its errors.</summary>
public static class OperationArguments
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// The record <paramref name="answers"/> describes, by argument name (<c>{"update_type": "naming"}</c>). A name
    /// the record does not have, or a value of the wrong kind, is refused with the argument and what is allowed.
    /// </summary>
    /// <exception cref="WizardInputException">An unknown argument, or a value of the wrong kind.</exception>
    public static T Read<T>(JsonObject answers, string operationType)
        where T : IOperationArguments, new()
    {
        var names = NamesOf(typeof(T));
        if (answers.Select(a => a.Key).FirstOrDefault(k => !names.ContainsKey(k)) is { } unknown)
        {
            throw new WizardInputException($"answers: '{unknown}' is not an argument of {operationType}; use {string.Join(", ", names.Keys)}.");
        }

        try
        {
            return answers.Deserialize<T>(Options) ?? new T();
        }
        catch (JsonException e)
        {
            var name = e.Path?.TrimStart('$', '.') ?? "";
            var expected = names.TryGetValue(name, out var type) ? Expectation(type) : "a value of the right kind";
            throw new WizardInputException($"{(name.Length > 0 ? name : "answers")}: give {expected}.");
        }
    }

    /// <summary>The argument names a record takes: its settable properties in snake_case, with their types.</summary>
    public static IReadOnlyDictionary<string, Type> NamesOf(Type arguments) =>
        arguments.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), p => p.PropertyType, StringComparer.Ordinal);

    /// <summary><c>field: 'value' is not allowed: use one of a, b, c.</c>, the wording of the wizard's own choice fields.</summary>
    public static string NotAllowed(string field, string? value, IEnumerable<string> allowed) =>
        $"{field}: '{value}' is not allowed: use one of {string.Join(", ", allowed)}.";

    /// <summary><c>field: missing for update_type 'naming'; give ….</c></summary>
    public static string MissingFor(string field, string because, string expects) =>
        $"{field}: missing for {because}; give {expects}.";

    private static string Expectation(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(string) => "a text",
            var t when t == typeof(bool) => "true or false",
            var t when t == typeof(int) || t == typeof(long) => "a whole number",
            var t when t == typeof(double) || t == typeof(decimal) => "a number",
            var t when typeof(System.Collections.IEnumerable).IsAssignableFrom(t) => "a list",
            _ => "a value of the right kind",
        };
}
