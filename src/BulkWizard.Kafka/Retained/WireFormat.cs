using System.Buffers.Binary;

namespace BulkWizard.Kafka.Retained;

/// <summary>Confluent's wire format: magic byte 0, then the schema id as a 4-byte big-endian integer, then the payload.</summary>
internal static class WireFormat
{
    private const byte MagicByte = 0;
    private const int HeaderLength = 5;

    /// <summary>The schema id of a serialized key or value; null for bytes in another format (or none).</summary>
    public static int? SchemaId(ReadOnlySpan<byte> data) =>
        data.Length >= HeaderLength && data[0] == MagicByte ? BinaryPrimitives.ReadInt32BigEndian(data[1..HeaderLength]) : null;
}
