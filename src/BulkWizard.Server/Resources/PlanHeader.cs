using System.Text;
using System.Text.Json;

namespace BulkWizard.Server.Resources;

/// <summary>
/// The title of a stored plan, read from the start of its file: a listing must not parse plans of 100,000 changes.
/// The title is written before the changes (the plan's declaration order).
/// </summary>
internal static class PlanHeader
{
    private const int HeadBytes = 8192;

    public static string? ReadTitle(string path)
    {
        try
        {
            var head = new byte[HeadBytes];
            int read;
            using (var file = File.OpenRead(path))
            {
                read = file.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
            }

            var reader = new Utf8JsonReader(head.AsSpan(0, read), isFinalBlock: read < HeadBytes, state: default);
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("title"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
            }
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or DecoderFallbackException)
        {
            // A plan being written or damaged is listed without its title.
        }

        return null;
    }
}
