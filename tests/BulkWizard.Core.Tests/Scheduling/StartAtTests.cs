using BulkWizard.Core.Scheduling;

namespace BulkWizard.Core.Tests.Scheduling;

/// <summary>start_at: a UTC time in ISO 8601, after now, at most 30 days ahead; every error names it and what is allowed.</summary>
public sealed class StartAtTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-12-02T22:00:00Z", "2026-12-02T22:00:00Z")]
    [InlineData("2026-12-02T23:00:00+01:00", "2026-12-02T22:00:00Z")]
    [InlineData("2026-12-02t22:00z", "2026-12-02T22:00:00Z")]
    [InlineData("2027-01-01T08:00:00.000Z", "2027-01-01T08:00:00Z")]
    public void Parse_UtcOrOffset_IsTheTimeInUtc(string text, string expected)
    {
        var (value, error) = StartAt.Parse(text, Now);

        Assert.Null(error);
        Assert.Equal(expected, StartAt.Format(value!.Value));
        Assert.Equal(TimeSpan.Zero, value.Value.Offset);
    }

    [Theory]
    [InlineData("tonight", "start_at: 'tonight' is not a time in ISO 8601 with its offset; give a UTC time such as 2026-12-24T22:00:00Z (Z, or an offset like +01:00).")]
    [InlineData("2026-12-02T22:00:00", "start_at: '2026-12-02T22:00:00' is not a time in ISO 8601 with its offset; give a UTC time such as 2026-12-24T22:00:00Z (Z, or an offset like +01:00).")]
    [InlineData("2026-13-02T22:00:00Z", "start_at: '2026-13-02T22:00:00Z' is not a time in ISO 8601 with its offset; give a UTC time such as 2026-12-24T22:00:00Z (Z, or an offset like +01:00).")]
    [InlineData("2026-12-02T07:59:59Z", "start_at: 2026-12-02T07:59:59Z is not in the future (now 2026-12-02T08:00:00Z); give a time after now, at most 30 days ahead.")]
    [InlineData("2026-12-02T08:00:00Z", "start_at: 2026-12-02T08:00:00Z is not in the future (now 2026-12-02T08:00:00Z); give a time after now, at most 30 days ahead.")]
    [InlineData("2027-01-01T08:00:01Z", "start_at: 2027-01-01T08:00:01Z is more than 30 days ahead; give a time no later than 2027-01-01T08:00:00Z.")]
    public void Parse_Refused_NamesStartAtAndWhatIsAllowed(string text, string expected)
    {
        var (value, error) = StartAt.Parse(text, Now);

        Assert.Null(value);
        Assert.Equal(expected, error);
    }
}
