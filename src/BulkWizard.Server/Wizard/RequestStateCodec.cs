using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BulkWizard.Server.Wizard;

/// <summary>
/// Encodes <see cref="RequestState"/> for the client to echo back, signed with a key of this process, so a
/// client cannot steer another session or skip a step by editing it. A state from an earlier process does
/// not verify (its sessions are gone too).
/// </summary>
public sealed class RequestStateCodec
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Encode(RequestState state)
    {
        var payload = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(state));
        return payload + "." + Sign(payload);
    }

    /// <summary>The state, or null when the text is not one this process signed.</summary>
    public RequestState? Decode(string? text)
    {
        var dot = text?.LastIndexOf('.') ?? -1;
        if (text is null || dot <= 0)
        {
            return null;
        }

        var payload = text[..dot];
        var expected = Encoding.ASCII.GetBytes(Sign(payload));
        var actual = Encoding.ASCII.GetBytes(text[(dot + 1)..]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RequestState>(Convert.FromBase64String(payload));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private string Sign(string payload) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));
}
