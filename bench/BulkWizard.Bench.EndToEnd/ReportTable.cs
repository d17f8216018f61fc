using System.Text;

namespace BulkWizard.Bench.EndToEnd;

/// <summary>The Markdown report: a few lines about the run, a table of figure, value and command, then notes.</summary>
internal sealed class ReportTable
{
    private readonly List<string> _header = [];
    private readonly List<(string Figure, string Value, string Command)> _rows = [];
    private readonly List<string> _notes = [];

    public void Header(string line) => _header.Add(line);

    public void Add(string figure, string value, string command) => _rows.Add((figure, value, command));

    public void Note(string line) => _notes.Add(line);

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var line in _header)
        {
            text.AppendLine(line);
        }

        text.AppendLine().AppendLine("| figure | value | command |").AppendLine("| --- | --- | --- |");
        foreach (var (figure, value, command) in _rows)
        {
            text.AppendLine($"| {Cell(figure)} | {Cell(value)} | `{command}` |");
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes)
            {
                text.AppendLine($"- {note}");
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
