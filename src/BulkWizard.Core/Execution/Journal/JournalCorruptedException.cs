namespace BulkWizard.Core.Execution.Journal;

/// <summary>A journal line before the last one does not read: the journal cannot be trusted to tell what was applied.</summary>
internal sealed class JournalCorruptedException(string path, int lineNumber, Exception inner)
    : Exception($"Journal {path} is damaged at line {lineNumber}: {inner.Message}", inner)
{
    public string Path { get; } = path;

    public int LineNumber { get; } = lineNumber;
}
