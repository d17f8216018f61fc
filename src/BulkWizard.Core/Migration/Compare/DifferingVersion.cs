namespace BulkWizard.Core.Migration.Compare;

/// <summary>
/// A source version whose target counterpart differs: the same subject and version number, or, with
/// <see cref="Difference.Version"/>, the target version holding the same schema under another number.
/// </summary>
/// <param name="Subject">The subject's name within its context.</param>
/// <param name="Version">The source version number.</param>
public sealed record DifferingVersion(string Subject, int Version, IReadOnlyList<Difference> Differences, VersionRef Source, VersionRef Target);
