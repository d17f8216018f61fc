namespace BulkWizard.Bench.EndToEnd;

/// <summary>The start-up times of one server, and their median.</summary>
internal sealed record StartupFigure(StartupTarget Target, TimeSpan Median, IReadOnlyList<TimeSpan> All)
{
    public string Describe() => $"{Median.TotalMilliseconds:0} ms (of {string.Join(", ", All.Select(t => t.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))})";
}
