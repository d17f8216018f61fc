namespace BulkWizard.Bench.EndToEnd;

/// <summary>
/// Time from starting a server process to reading its <c>initialize</c> response, <c>starts</c> times each,
/// taking turns so that noise falls on all alike; the median of each.
/// </summary>
internal static class StartupBench
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<StartupFigure>> MeasureAsync(IReadOnlyList<StartupTarget> servers, int starts)
    {
        var times = servers.ToDictionary(s => s, _ => new List<TimeSpan>());
        for (var round = 1; round <= starts; round++)
        {
            foreach (var server in servers)
            {
                await using var session = await McpSession.StartAsync(server.FileName, server.Arguments, server.Settings);
                times[server].Add(session.Startup);
                await session.CloseAsync(CloseTimeout);
            }

            Progress.Say($"start-up round {round}/{starts}: {string.Join(", ", servers.Select(s => $"{s.Name} {times[s][^1].TotalMilliseconds:0} ms"))}");
        }

        return [.. servers.Select(s => new StartupFigure(s, Statistics.Median(times[s]), times[s]))];
    }
}
