using BulkWizard.Kafka.Retained;

namespace BulkWizard.Kafka.Tests.Retained;

public sealed class WireFormatTests
{
    [Fact]
    public void SchemaId_MagicZeroThenBigEndianId()
    {
        Assert.Equal(0x01020304, WireFormat.SchemaId([0, 1, 2, 3, 4, 99]));
        Assert.Equal(7, WireFormat.SchemaId([0, 0, 0, 0, 7]));
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0, 0, 7 })]
    [InlineData(new byte[] { 0, 0, 0, 7 })]
    [InlineData(new byte[0])]
    public void SchemaId_OtherBytes_Null(byte[] data)
    {
        Assert.Null(WireFormat.SchemaId(data));
    }
}
