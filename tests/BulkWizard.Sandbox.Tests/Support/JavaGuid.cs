using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BulkWizard.Sandbox.Tests.Support;

/// <summary>
/// The registry's guid rebuilt by hand, as its Java source describes it: the pieces are concatenated
/// (a string as UTF-8, an int as 4 big-endian bytes, a byte as itself), hashed with MD5, and the 16
/// bytes printed as java.util.UUID prints two big-endian longs.
/// </summary>
public static class JavaGuid
{
    /// <summary>The marker the registry writes before present metadata and before a present rule set.</summary>
    public const byte Present = 1;

    public static string Of(params object[] pieces)
    {
        using var input = new MemoryStream();
        foreach (var piece in pieces)
        {
            switch (piece)
            {
                case string text:
                    input.Write(Encoding.UTF8.GetBytes(text));
                    break;
                case int number:
                    var bytes = new byte[4];
                    BinaryPrimitives.WriteInt32BigEndian(bytes, number);
                    input.Write(bytes);
                    break;
                case byte single:
                    input.WriteByte(single);
                    break;
                default:
                    throw new ArgumentException($"Unsupported piece {piece.GetType().Name}.", nameof(pieces));
            }
        }

#pragma warning disable CA5351 // The registry's identity hash, not a security measure.
        var md5 = MD5.HashData(input.ToArray());
#pragma warning restore CA5351
        var high = BinaryPrimitives.ReadInt64BigEndian(md5.AsSpan(0, 8));
        var low = BinaryPrimitives.ReadInt64BigEndian(md5.AsSpan(8, 8));
        return Digits(high >> 32, 8) + "-" + Digits(high >> 16, 4) + "-" + Digits(high, 4) + "-"
            + Digits(low >> 48, 4) + "-" + Digits(low, 12);
    }

    /// <summary>UUID.digits: the low <paramref name="count"/> hex digits of <paramref name="value"/>.</summary>
    private static string Digits(long value, int count)
    {
        var text = value.ToString("x16", CultureInfo.InvariantCulture);
        return text[^count..];
    }
}
