using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.SchemaUpdate.Metadata;

namespace BulkWizard.Core.Configuration.Compliance;

/// <summary>
/// What judging one subject reads: its own config, the level and mode in effect (<see cref="SubjectSettingsReader"/>),
/// the <c>defaultMetadata</c> / <c>overrideMetadata</c> in effect and the config they come from
/// (<see cref="SubjectMetadataReader"/>), and the fields its context hands down (<see cref="ScopeFields"/>).
/// </summary>
internal sealed record ComplianceState(SubjectMetadataState Read, ScopeFields Scope)
{
    public QualifiedSubject Subject => Read.Subject;

    public SubjectSettings Settings => Read.Settings;

    /// <summary>The subject's own config, read without <c>defaultToGlobal</c>; null when it has none.</summary>
    public JsonObject? OwnConfig => Read.Settings.OwnConfig;

    public MetadataDefaults Metadata => Read.Defaults;

    public ConfigField Field(string name) => Scope.Of(OwnConfig, name);
}
