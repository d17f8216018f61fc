namespace BulkWizard.Registry.Pacing;

/// <summary>
/// Watches how long writes take. The moving average weighs the latest write by <see cref="Weight"/> (an exponential
/// moving average, so a few slow writes move it, one does not). The baseline is the lowest the average has been once
/// <see cref="WarmUp"/> writes were seen: what this registry does when it is not strained. Latency is rising when the
/// average is more than <see cref="Factor"/> times the baseline and at least <see cref="MinRise"/> above it (so a fast
/// registry going from 2 ms to 7 ms is not "rising").
/// </summary>
internal sealed class WriteLatency
{
    public const double Weight = 0.2;
    public const int WarmUp = 10;
    public const double Factor = 3;
    public static readonly TimeSpan MinRise = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private double _averageMs;
    private double _baselineMs = double.MaxValue;
    private int _seen;

    /// <summary>Adds one write's latency; true when latency is now rising (see the class).</summary>
    public bool Record(TimeSpan latency, out TimeSpan average, out TimeSpan baseline)
    {
        lock (_gate)
        {
            var ms = latency.TotalMilliseconds;
            _averageMs = _seen == 0 ? ms : (Weight * ms) + ((1 - Weight) * _averageMs);
            _seen++;
            if (_seen >= WarmUp)
            {
                _baselineMs = Math.Min(_baselineMs, _averageMs);
            }

            average = TimeSpan.FromMilliseconds(_averageMs);
            baseline = _seen >= WarmUp ? TimeSpan.FromMilliseconds(_baselineMs) : TimeSpan.Zero;
            return _seen >= WarmUp
                && _averageMs > Factor * _baselineMs
                && _averageMs - _baselineMs >= MinRise.TotalMilliseconds;
        }
    }
}
