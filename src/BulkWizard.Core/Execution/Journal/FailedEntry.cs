namespace BulkWizard.Core.Execution.Journal;

/// <summary>The change was refused or its write failed; the registry did not take it.</summary>
internal sealed record FailedEntry(int Index, string Subject, string Error) : ItemEntry(Index, Subject);
