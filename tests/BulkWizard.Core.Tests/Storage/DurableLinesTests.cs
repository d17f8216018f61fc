using BulkWizard.Core.Storage;
using BulkWizard.Core.Tests.Storage.Support;

namespace BulkWizard.Core.Tests.Storage;

public sealed class DurableLinesTests : IDisposable
{
    private readonly TempDataDirectory _temp = new();

    public DurableLinesTests() => Directory.CreateDirectory(_temp.Root);

    public void Dispose() => _temp.Dispose();

    private string PathOf(string name) => Path.Combine(_temp.Root, name);

    [Fact]
    public async Task AppendAsync_ManyAtOnce_EveryLineWholeAndInTheOrderItsNumberWasTaken()
    {
        var path = PathOf("lines.jsonl");
        var next = 0;
        await using (var lines = DurableLines.Open(path))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
                await lines.AppendAsync(() => System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{next++},\"from\":{i}}}"), CancellationToken.None, durable: i % 2 == 0));
        }

        var written = await File.ReadAllLinesAsync(path);

        Assert.Equal(400, written.Length);
        Assert.Equal(Enumerable.Range(0, 400).Select(n => $"{{\"n\":{n},"), written.Select(l => l[..(l.IndexOf(',', StringComparison.Ordinal) + 1)]));
        Assert.Equal(Enumerable.Range(0, 400), written.Select(l => int.Parse(l[(l.LastIndexOf(':') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    [Fact]
    public async Task Open_WithLengthToKeep_CutsTheTornTailAndAppendsAfterIt()
    {
        var path = PathOf("torn.jsonl");
        await File.WriteAllTextAsync(path, "{\"a\":1}\n{\"b\":");

        await using (var lines = DurableLines.Open(path, keepLength: 8))
        {
            await lines.AppendAsync(() => "{\"c\":3}"u8.ToArray(), CancellationToken.None);
        }

        Assert.Equal("{\"a\":1}\n{\"c\":3}\n", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task AppendAsync_AfterDispose_Refused()
    {
        var lines = DurableLines.Open(PathOf("closed.jsonl"));
        await lines.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => lines.AppendAsync(() => "{}"u8.ToArray(), CancellationToken.None));
    }
}
