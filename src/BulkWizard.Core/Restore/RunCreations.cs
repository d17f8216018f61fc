using BulkWizard.Core.Execution.Journal;

namespace BulkWizard.Core.Restore;

/// <summary>
/// The versions a run registered, from the journal beside its backup (steps <c>registered version N id X</c>
/// of items it applied and did not undo). A restore removes exactly these; versions others registered
/// since the backup are kept.
/// </summary>
public static class RunCreations
{
    private const string RegisteredStep = "registered version";

    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<VersionState>>> ReadAsync(string journalPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(journalPath))
        {
            return new Dictionary<string, IReadOnlyList<VersionState>>();
        }

        var history = await ExecutionJournalReader.ReadAsync(journalPath, cancellationToken);
        var applied = history.AppliedNotUndone().Select(a => a.Index).ToHashSet();
        return history.Entries.OfType<RestoreStepEntry>()
            .Where(s => s.Index is { } index && applied.Contains(index) && s.Step.StartsWith(RegisteredStep, StringComparison.Ordinal))
            .Where(s => s.Detail?["version"] is not null && s.Detail["id"] is not null)
            .GroupBy(s => s.Subject, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<VersionState>)[.. g.Select(s => new VersionState(s.Detail!["version"]!.GetValue<int>(), s.Detail["id"]!.GetValue<int>(), false))],
                StringComparer.Ordinal);
    }
}
