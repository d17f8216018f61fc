using System.Buffers.Binary;
using System.Text;

namespace BulkWizard.Kafka.Tests.Support;

/// <summary>Message bytes for tests: Confluent's wire format with a given schema id, or plain bytes.</summary>
public static class Wire
{
    public static byte[] WithId(int id)
    {
        var bytes = new byte[9];
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1, 4), id);
        "avro"u8.CopyTo(bytes.AsSpan(5));
        return bytes;
    }

    public static byte[] Plain(string text) => Encoding.UTF8.GetBytes(text);
}
