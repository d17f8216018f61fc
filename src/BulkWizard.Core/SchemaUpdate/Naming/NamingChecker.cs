using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>
/// Checks subjects against a naming convention. Only record-based conventions read the registry: the latest
/// version of each subject, <see cref="MaxParallel"/> at a time; everything else is <see cref="NamingRules"/>.
/// </summary>
public sealed class NamingChecker(IRegistryGateway gateway)
{
    public const int MaxParallel = 8;

    /// <summary>One verdict per subject, in the given order.</summary>
    internal async Task<IReadOnlyList<NamingVerdict>> CheckAsync(
        IReadOnlyList<QualifiedSubject> subjects, NamingConvention convention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(convention);
        var records = convention.NeedsLatestSchema ? await ReadRecordNamesAsync(subjects, cancellationToken) : null;
        return [.. subjects.Select((subject, index) => NamingRules.Check(subject, convention, records?[index]))];
    }

    /// <summary>The report of <c>check_naming</c>: counts, violations with suggestions, and unchecked subjects.</summary>
    public async Task<NamingReport> ReportAsync(IReadOnlyList<QualifiedSubject> subjects, NamingConvention convention, CancellationToken cancellationToken)
    {
        var verdicts = await CheckAsync(subjects, convention, cancellationToken);
        return new NamingReport(
            gateway.Registry.Name,
            convention.ToString(),
            verdicts.Count,
            verdicts.Count(v => v.Conforms),
            [.. verdicts.Where(v => v.Violation is not null).Select(v => v.Violation!)],
            [.. verdicts.Where(v => v.UncheckedReason is not null).Select(v => new UncheckedSubject(v.Subject.ToString(), v.UncheckedReason!))]);
    }

    private async Task<RecordName[]> ReadRecordNamesAsync(IReadOnlyList<QualifiedSubject> subjects, CancellationToken cancellationToken)
    {
        var names = new RecordName[subjects.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxParallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, subjects.Count), options, async (index, token) =>
            names[index] = AvroRecordNames.Of(await gateway.GetVersionAsync(subjects[index], VersionSelector.Latest, includeDeleted: false, token)));
        return names;
    }
}
