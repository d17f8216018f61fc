using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BulkWizard.Core.Plans;

/// <summary>
/// How plans are written (files, exports, hashes): snake_case, changes tagged by kind. A kind of change is every
/// concrete <see cref="PlannedChange"/> of this assembly that declares <c>public const string KindName</c>: an
/// operation's new change type needs no registration elsewhere.
/// </summary>
public static class PlanJson
{
    private const string KindNameField = "KindName";

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddChangeKinds } },
        WriteIndented = false,
    };

    /// <summary>Every kind of change, by its <c>kind</c> tag.</summary>
    public static IReadOnlyDictionary<string, Type> ChangeKinds { get; } = typeof(PlannedChange).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(PlannedChange)) && !t.IsAbstract)
        .Select(t => (Type: t, Field: t.GetField(KindNameField, BindingFlags.Public | BindingFlags.Static)))
        .Where(k => k.Field is { IsLiteral: true } && k.Field.FieldType == typeof(string))
        .ToDictionary(k => (string)k.Field!.GetRawConstantValue()!, k => k.Type, StringComparer.Ordinal);

    public static string Serialize(OperationPlan plan) => JsonSerializer.Serialize(plan, Options);

    public static OperationPlan Deserialize(string json) =>
        JsonSerializer.Deserialize<OperationPlan>(json, Options) ?? throw new JsonException("The plan file is empty.");

    /// <summary>SHA-256 over everything but the id and the hash themselves, so any change to what runs changes the hash.</summary>
    public static string HashOf(OperationPlan plan)
    {
        var content = Serialize(plan with { Id = "", Hash = "" });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>The kinds declared with <c>KindName</c> that <see cref="PlannedChange"/>'s own attributes do not list yet.</summary>
    private static void AddChangeKinds(JsonTypeInfo info)
    {
        if (info.Type != typeof(PlannedChange))
        {
            return;
        }

        info.PolymorphismOptions ??= new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "kind" };
        var listed = info.PolymorphismOptions.DerivedTypes.Select(d => d.DerivedType).ToHashSet();
        foreach (var (kind, type) in ChangeKinds.Where(k => !listed.Contains(k.Value)))
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, kind));
        }
    }

    /// <summary>The same as <see cref="PlanIdentity.Seal"/>, where plans are sealed.</summary>
    public static OperationPlan Sealed(OperationPlan plan) => PlanIdentity.Seal(plan);
}
