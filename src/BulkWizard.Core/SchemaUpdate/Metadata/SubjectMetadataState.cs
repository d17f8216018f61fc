using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate.Metadata;

/// <summary>What planning a metadata update reads about one subject.</summary>
/// <param name="Settings">Own config and mode, and the mode in effect.</param>
/// <param name="Latest">The latest live version; null when none (or when versions were not read).</param>
/// <param name="NextVersion">The number the next registration gets: the highest version, soft-deleted included, plus one.</param>
/// <param name="Defaults">The <c>defaultMetadata</c> / <c>overrideMetadata</c> in effect for registrations.</param>
/// <param name="Inherited">What the subject inherits when it has no config of its own.</param>
internal sealed record SubjectMetadataState(SubjectSettings Settings, SchemaVersion? Latest, int NextVersion, MetadataDefaults Defaults, InheritedConfig Inherited)
{
    public QualifiedSubject Subject => Settings.Subject;
}
