namespace BulkWizard.Sandbox.Http;

/// <summary>The media types the registry consumes and produces.</summary>
internal static class MediaTypes
{
    public const string SchemaRegistryV1 = "application/vnd.schemaregistry.v1+json";
    public const string SchemaRegistry = "application/vnd.schemaregistry+json";
    public const string Json = "application/json";
    public const string OctetStream = "application/octet-stream";

    private static readonly string[] Produced = [SchemaRegistryV1, SchemaRegistry, Json];

    /// <summary>A request body may be any of these (or carry no content type at all).</summary>
    public static bool IsAccepted(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return true;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return Produced.Append(OctetStream).Any(m => string.Equals(m, mediaType, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The first produced type the Accept header names; the registry's preferred one otherwise.</summary>
    public static string Negotiate(string? accept)
    {
        if (string.IsNullOrEmpty(accept))
        {
            return SchemaRegistryV1;
        }

        return Produced.FirstOrDefault(m => accept.Contains(m, StringComparison.OrdinalIgnoreCase)) ?? SchemaRegistryV1;
    }
}
