namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// One version as <c>GET /schemas?deleted=true</c> lists it; <paramref name="References"/> is the listed references array
/// as compact JSON (<c>[]</c> when none), <paramref name="SchemaType"/> <c>AVRO</c> when not listed.
/// </summary>
internal sealed record ListedVersion(int Version, int Id, bool Deleted, string Schema, string SchemaType = "AVRO", string References = "[]");
