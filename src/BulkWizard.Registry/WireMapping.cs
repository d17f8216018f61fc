using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;
using BulkWizard.Registry.Wire;

namespace BulkWizard.Registry;

/// <summary>Between the registry's JSON and our models, filling what older releases leave out.</summary>
internal static class WireMapping
{
    /// <param name="requested">The subject asked for, used when the answer does not name one.</param>
    /// <param name="deletedWereIncluded">Whether soft-deleted versions could be in the answer; if not, an absent <c>deleted</c> means false.</param>
    public static SchemaVersion ToVersion(WireSchema wire, QualifiedSubject? requested, bool deletedWereIncluded) => new(
        wire.Subject is { } subject ? QualifiedSubject.Parse(subject) : requested ?? throw MissingMember("subject"),
        wire.Version ?? throw MissingMember("version"),
        wire.Id ?? throw MissingMember("id"),
        wire.SchemaType ?? SchemaTypes.Avro,
        wire.Schema ?? "",
        ToReferences(wire.References),
        wire.Metadata,
        wire.RuleSet,
        wire.Guid,
        wire.Ts,
        wire.Deleted ?? (deletedWereIncluded ? null : false))
    {
        Aliases = wire.Aliases is { Count: > 0 } aliases ? [.. aliases.Select(QualifiedSubject.Parse)] : null,
    };

    public static SchemaById ToSchemaById(int id, WireSchema wire) => new(
        wire.Id ?? id,
        wire.SchemaType ?? SchemaTypes.Avro,
        wire.Schema ?? "",
        ToReferences(wire.References),
        wire.Metadata,
        wire.RuleSet,
        wire.Guid,
        wire.Subject is { } subject ? QualifiedSubject.Parse(subject) : null,
        wire.Version);

    public static WireRegisterRequest ToWire(RegisterSchemaRequest request, bool withIdAndVersion) => new(
        request.Schema,
        request.SchemaType,
        request.References is { Count: > 0 } references ? [.. references.Select(r => new WireReference(r.Name, r.Subject, r.Version))] : null,
        request.Metadata,
        request.RuleSet,
        withIdAndVersion ? request.Id : null,
        withIdAndVersion ? request.Version : null);

    /// <summary>Reads name the level <c>compatibilityLevel</c>, writes <c>compatibility</c>; we keep the writable form.</summary>
    public static RegistryConfig ToConfig(JsonObject body)
    {
        var fields = (JsonObject)body.DeepClone();
        if (fields.Remove("compatibilityLevel", out var level) && !fields.ContainsKey("compatibility"))
        {
            fields["compatibility"] = level;
        }

        return new RegistryConfig(fields);
    }

    private static IReadOnlyList<SchemaReference> ToReferences(IReadOnlyList<WireReference>? references) =>
        references is null ? [] : [.. references.Select(r => new SchemaReference(r.Name, r.Subject, r.Version))];

    private static InvalidDataException MissingMember(string member) =>
        new($"The registry's answer lacks '{member}'.");
}
