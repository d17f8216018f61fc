namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>
/// A metadata update: edit the metadata of each subject's latest version (a new version), or edit the
/// <c>defaultMetadata</c> / <c>overrideMetadata</c> of each subject's own config (applies from the next registration).
/// </summary>
internal sealed record MetadataRequest(MetadataTarget Target, MetadataEdit Edit)
{
    public static MetadataRequest LatestVersions(MetadataEdit edit) => new(MetadataTarget.LatestVersions, edit);

    public static MetadataRequest DefaultMetadata(MetadataEdit edit) => new(MetadataTarget.DefaultMetadata, edit);

    public static MetadataRequest OverrideMetadata(MetadataEdit edit) => new(MetadataTarget.OverrideMetadata, edit);

    /// <summary>The config field edited: <c>defaultMetadata</c> or <c>overrideMetadata</c>; null for <see cref="MetadataTarget.LatestVersions"/>.</summary>
    public string? ConfigField => Target switch
    {
        MetadataTarget.DefaultMetadata => "defaultMetadata",
        MetadataTarget.OverrideMetadata => "overrideMetadata",
        _ => null,
    };

    /// <summary>The first problem, naming the field; null when valid.</summary>
    public string? Validate() =>
        Edit is null ? "metadata: the edit is missing."
        : !Enum.IsDefined(Target) ? $"target: {Target} is not one of {string.Join(", ", Enum.GetNames<MetadataTarget>())}."
        : Edit.Validate();

    /// <summary>For titles: <c>metadata owner=team-a</c> or <c>defaultMetadata owner=team-a</c>.</summary>
    public string Describe() => $"{ConfigField ?? "metadata"} {Edit.Describe()}";
}
