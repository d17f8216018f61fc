using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BulkWizard.Core.Plans;

/// <summary>
/// How plans are written (files, exports, hashes): snake_case, changes tagged by kind. The kinds are the change types
/// named with <see cref="ChangeKindAttribute"/> (<see cref="ChangeKinds"/>): an operation's new change type needs no
/// registration elsewhere.
/// </summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        WriteIndented = false,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ChangeKinds.DescribePolymorphism } },
    };

    public static string Serialize(OperationPlan plan) => JsonSerializer.Serialize(plan, Options);

    public static OperationPlan Deserialize(string json) =>
        JsonSerializer.Deserialize<OperationPlan>(json, Options) ?? throw new JsonException("The plan file is empty.");

    /// <summary>SHA-256 over everything but the id and the hash themselves, so any change to what runs changes the hash.</summary>
    public static string HashOf(OperationPlan plan)
    {
        // Through the hash as it is written: a 100,000-change plan is never one buffer in memory.
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write, leaveOpen: true))
        {
            JsonSerializer.Serialize(hashing, plan with { Id = "", Hash = "" }, Options);
        }

        return Convert.ToHexStringLower(sha.Hash!);
    }

    /// <summary>The same as <see cref="PlanIdentity.Seal"/>, where plans are sealed.</summary>
    public static OperationPlan Sealed(OperationPlan plan) => PlanIdentity.Seal(plan);
}
