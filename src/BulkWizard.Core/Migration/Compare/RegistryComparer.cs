namespace BulkWizard.Core.Migration.Compare;

/// <summary>
/// Compares the versions a pattern selects in a source context with the same subjects in a target context, of the
/// same registry or another: what the target lacks, what it has beyond the source, and what differs. A migration's
/// verification applies the same per-version comparison (<see cref="VersionDifferences"/>) to each subject it copies,
/// as it reads the subject back (<see cref="CopyVerification"/>); this compares whole scopes, at any time.
/// </summary>
public static class RegistryComparer
{
    /// <summary>Reads each side once, both at the same time, then compares them.</summary>
    /// <exception cref="ArgumentException">The pattern names a context other than the source context.</exception>
    public static async Task<RegistryComparison> CompareAsync(ComparedScope source, ComparedScope target, CompareOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var names = ComparedNames.Of(options.Pattern, source.Context);
        var sourceRead = ComparedSide.ReadAsync(source, names, options.IncludeDeleted, cancellationToken);
        var targetRead = ComparedSide.ReadAsync(target, names, options.IncludeDeleted, cancellationToken);
        await Task.WhenAll(sourceRead, targetRead);
        return Compare(await sourceRead, await targetRead, options.Limit);
    }

    /// <summary>Compares two sides already read; linear in their sizes, apart from sorting what it reports.</summary>
    /// <param name="limit">Items kept per list.</param>
    public static RegistryComparison Compare(ComparedSide source, ComparedSide target, int limit)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var missing = new List<ComparedVersion>();
        var differing = new List<DifferingVersion>();
        var elsewhere = new HashSet<(string Subject, int Version)>();
        foreach (var version in source.Versions)
        {
            if (target.Find(version.Subject, version.Version) is { } counterpart)
            {
                if (VersionDifferences.Between(version, counterpart) is { Count: > 0 } differences)
                {
                    differing.Add(new(version.Subject, version.Version, differences, version.Ref, counterpart.Ref));
                }
            }
            else if (Renumbered(version, source, target) is { } moved)
            {
                elsewhere.Add((moved.Subject, moved.Version));
                differing.Add(new(version.Subject, version.Version, VersionDifferences.Between(version, moved), version.Ref, moved.Ref));
            }
            else
            {
                missing.Add(new(version.Subject, version.Version, version.Registered.Id));
            }
        }

        var extra = target.Versions
            .Where(v => source.Find(v.Subject, v.Version) is null && !elsewhere.Contains((v.Subject, v.Version)))
            .Select(v => new ComparedVersion(v.Subject, v.Version, v.Registered.Id))
            .ToList();
        var subjects = source.Versions.Concat(target.Versions).Select(v => v.Subject).Distinct(StringComparer.Ordinal).Count();
        return new RegistryComparison(
            subjects,
            source.Count + target.Versions.Count(v => source.Find(v.Subject, v.Version) is null),
            Capped(missing.OrderBy(v => v.Subject, StringComparer.Ordinal).ThenBy(v => v.Version), missing.Count, limit),
            Capped(extra.OrderBy(v => v.Subject, StringComparer.Ordinal).ThenBy(v => v.Version), extra.Count, limit),
            Capped(differing.OrderBy(d => d.Subject, StringComparer.Ordinal).ThenBy(d => d.Version), differing.Count, limit));
    }

    /// <summary>
    /// The target version holding this source version's schema under another number: one the source does not have
    /// itself if there is one (that is where the schema went), else the lowest.
    /// </summary>
    private static SideVersion? Renumbered(SideVersion version, ComparedSide source, ComparedSide target)
    {
        var candidates = target.WithSchemaOf(version.Subject, version);
        return candidates.FirstOrDefault(c => source.Find(c.Subject, c.Version) is null) ?? (candidates.Count > 0 ? candidates[0] : null);
    }

    private static CappedList<T> Capped<T>(IEnumerable<T> sorted, int total, int limit) => new(total, [.. sorted.Take(limit)]);
}
