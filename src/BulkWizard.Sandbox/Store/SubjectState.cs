namespace BulkWizard.Sandbox.Store;

/// <summary>All versions of one subject that have not been hard-deleted, ascending.</summary>
internal sealed class SubjectState(QualifiedSubject name)
{
    public QualifiedSubject Name { get; } = name;

    public string Key { get; } = name.ToString();

    public SortedDictionary<int, SubjectVersion> Versions { get; } = [];

    public bool HasLive => Versions.Values.Any(v => !v.Deleted);

    /// <summary>"Deleted" in the registry's sense: it has versions and every one is soft-deleted.</summary>
    public bool IsSoftDeleted => Versions.Count > 0 && !HasLive;

    public SubjectVersion? LatestLive => Versions.Values.LastOrDefault(v => !v.Deleted);

    public IEnumerable<SubjectVersion> Live => Versions.Values.Where(v => !v.Deleted);

    public int NextVersion => Versions.Count == 0 ? 1 : Versions.Keys.Max() + 1;
}
