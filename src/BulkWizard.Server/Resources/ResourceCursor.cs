using System.Text;
using ModelContextProtocol;

namespace BulkWizard.Server.Resources;

/// <summary>
/// The opaque cursor of <c>resources/list</c>: the address of the last resource served and its position. The next page
/// starts after that address wherever it now is, so resources added since (newest first, so before it) neither
/// shift the page nor repeat; only when it is gone (a pruned backup) does the position decide.
/// </summary>
internal static class ResourceCursor
{
    private const string Version = "1";

    public static string After(int position, string uri) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Version}\n{position}\n{uri}"));

    /// <summary>The index of the first resource of the page the cursor asks for; 0 without one.</summary>
    /// <exception cref="McpProtocolException">Invalid params: the cursor is not one this server gave.</exception>
    public static int Start(string? cursor, IReadOnlyList<string> uris)
    {
        if (cursor is null)
        {
            return 0;
        }

        var parts = Decode(cursor)?.Split('\n', 3);
        if (parts is not [Version, var positionText, var uri] || !int.TryParse(positionText, out var position) || position < 0)
        {
            throw new McpProtocolException("cursor: not a cursor from resources/list; omit it to start from the first page.", McpErrorCode.InvalidParams);
        }

        for (var i = 0; i < uris.Count; i++)
        {
            if (string.Equals(uris[i], uri, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return Math.Min(position, uris.Count);
    }

    private static string? Decode(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
