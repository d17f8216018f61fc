namespace BulkWizard.Bench.EndToEnd;

/// <summary>A tool answered with <c>isError: true</c>; the message is the tool's text.</summary>
internal sealed class ToolCallException(string tool, string text) : Exception($"{tool}: {text}")
{
    public string Tool { get; } = tool;

    public string Text { get; } = text;
}
