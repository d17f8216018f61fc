using BulkWizard.Compatibility;
using BulkWizard.Core.Operations;
using BulkWizard.Core.SchemaUpdate.Metadata;
using BulkWizard.Core.SchemaUpdate.Naming;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// The schema update types by <c>update_type</c>: compatibility, naming, metadata. The wizard, the arguments
/// record and the operation all look a type up here; a new update type is one more entry.
/// </summary>
internal static class SchemaUpdateTypes
{
    public static SchemaUpdateType Compatibility { get; } = new(SchemaUpdateKeys.CompatibilityUpdate, "update_compatibility")
    {
        Steps = CompatibilitySteps.For,
        Missing = a => a.Compatibility is null ? Missing("compatibility", a, "one of " + string.Join(", ", CompatibilitySteps.Levels)) : null,
        PlanAsync = (p, token) => new CompatibilityPlanner(p.Gateway, p.Clock)
            .PlanAsync(p.Subjects, CompatibilityLevels.Parse(p.Answers.GetString(SchemaUpdateKeys.Compatibility)!), p.Config, p.Answers.ToJson(), token),
    };

    public static SchemaUpdateType Naming { get; } = new(SchemaUpdateKeys.NamingUpdate, "update_naming", "update_naming_description")
    {
        Steps = NamingSteps.For,
        Missing = a => a.Convention is null ? Missing("convention", a, NamingConvention.AllowedValues) : null,
        PlanAsync = (p, token) => new NamingPlanner(p.Gateway, p.Clock)
            .PlanAsync(p.Subjects, new NamingRequest(NamingSteps.ConventionOf(p.Answers)), p.Config, p.Answers.ToJson(), token),
    };

    public static SchemaUpdateType Metadata { get; } = new(SchemaUpdateKeys.MetadataUpdate, "update_metadata", "update_metadata_description")
    {
        Steps = MetadataSteps.For,
        Missing = a =>
            a.MetadataTarget is null ? Missing("metadata_target", a, "one of " + string.Join(", ", MetadataSteps.Targets))
            : a.MetadataAction is null ? Missing("metadata_action", a, "one of " + string.Join(", ", MetadataSteps.Actions))
            : a.MetadataKey is null ? Missing("metadata_key", a, "the property name, or the schema path for tags")
            : a.MetadataValue is null && MetadataSteps.NeedsValue(a.MetadataAction)
                ? OperationArguments.MissingFor("metadata_value", $"metadata_action '{a.MetadataAction}'", "the property value, or the tags, comma-separated")
            : null,
        PlanAsync = (p, token) => new MetadataPlanner(p.Gateway, p.Clock)
            .PlanAsync(p.Subjects, MetadataSteps.RequestOf(p.Answers), p.Config, p.Answers.ToJson(), token),
    };

    public static IReadOnlyList<SchemaUpdateType> All { get; } = [Compatibility, Naming, Metadata];

    public static IEnumerable<string> Values => All.Select(t => t.Value);

    public static SchemaUpdateType? Find(string? value) => All.FirstOrDefault(t => t.Value == value);

    private static string Missing(string field, SchemaUpdateArguments arguments, string expects) =>
        OperationArguments.MissingFor(field, $"update_type '{arguments.UpdateType}'", expects);
}
