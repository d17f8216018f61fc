using System.Text.Json;
using System.Text.Json.Serialization;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Storage;

/// <summary>Stores a subject in the registry's own spelling (<c>name</c> or <c>:.ctx:name</c>), which reads back to the same value.</summary>
internal sealed class QualifiedSubjectJsonConverter : JsonConverter<QualifiedSubject>
{
    public override QualifiedSubject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        QualifiedSubject.Parse(reader.GetString() ?? throw new JsonException("A subject is a string."));

    public override void Write(Utf8JsonWriter writer, QualifiedSubject value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
