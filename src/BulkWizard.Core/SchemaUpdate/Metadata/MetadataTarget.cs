namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>Where a metadata edit goes.</summary>
internal enum MetadataTarget
{
    /// <summary>A new version of each subject: the latest schema again, with the edited metadata.</summary>
    LatestVersions,

    /// <summary>The subject config's <c>defaultMetadata</c>: under the metadata a registration sends.</summary>
    DefaultMetadata,

    /// <summary>The subject config's <c>overrideMetadata</c>: over the metadata a registration sends.</summary>
    OverrideMetadata,
}
