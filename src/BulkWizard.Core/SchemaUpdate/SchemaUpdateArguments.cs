using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.SchemaUpdate;

/// <summary>
/// A schema update's own arguments: the update type and its values, as <c>bulk_schema_update</c> takes them
/// and as <c>start_bulk_wizard</c> takes them in <c>answers</c>. <see cref="Convention"/> is one value such as
/// <c>kebab_case</c>, <c>prefix:team-</c> or <c>context:.staging</c>.
/// </summary>
public sealed record SchemaUpdateArguments : IOperationArguments
{
    public string? UpdateType { get; init; }

    public string? Compatibility { get; init; }

    public string? Convention { get; init; }

    public string? MetadataTarget { get; init; }

    public string? MetadataAction { get; init; }

    public string? MetadataKey { get; init; }

    public string? MetadataValue { get; init; }

    public string OperationType => CompatibilityPlanner.OperationType;

    public string? Validate()
    {
        if (UpdateType is not null && SchemaUpdateTypes.Find(UpdateType) is null)
        {
            return OperationArguments.NotAllowed("update_type", UpdateType, SchemaUpdateTypes.Values);
        }

        if (Compatibility is not null && !CompatibilityLevels.TryParse(Compatibility, out _))
        {
            return OperationArguments.NotAllowed("compatibility", Compatibility.ToUpperInvariant(), CompatibilitySteps.Levels);
        }

        if (Convention is not null && ConventionProblem(Convention) is { } convention)
        {
            return convention;
        }

        if (MetadataTarget is not null && !MetadataSteps.Targets.Contains(MetadataTarget))
        {
            return OperationArguments.NotAllowed("metadata_target", MetadataTarget, MetadataSteps.Targets);
        }

        if (MetadataAction is not null && !MetadataSteps.Actions.Contains(MetadataAction))
        {
            return OperationArguments.NotAllowed("metadata_action", MetadataAction, MetadataSteps.Actions);
        }

        // The value is checked with a stand-in when it is not given (or not used): it has its own question.
        return MetadataAction is not null && !string.IsNullOrWhiteSpace(MetadataKey)
            ? MetadataSteps.Problem(MetadataTarget, MetadataAction, MetadataKey, MetadataSteps.NeedsValue(MetadataAction) ? MetadataValue ?? "value" : "value")
            : null;
    }

    public string? Missing() => SchemaUpdateTypes.Find(UpdateType) is { } type
        ? type.Missing(this)
        : OperationArguments.MissingFor("update_type", "a schema update", "one of " + string.Join(", ", SchemaUpdateTypes.Values));

    public IReadOnlyDictionary<string, JsonNode> Proposals()
    {
        var proposals = new ProposalSet();

        proposals.Set(SchemaUpdateKeys.UpdateType, UpdateType);
        proposals.Set(SchemaUpdateKeys.Compatibility, Compatibility?.ToUpperInvariant());
        foreach (var (key, value) in Convention is null ? [] : NamingSteps.Proposals(Convention))
        {
            proposals.Set(key, value);
        }

        proposals.Set(SchemaUpdateKeys.MetadataTarget, MetadataTarget);
        proposals.Set(SchemaUpdateKeys.MetadataAction, MetadataAction);
        proposals.Set(SchemaUpdateKeys.MetadataKey, MetadataKey);
        proposals.Set(SchemaUpdateKeys.MetadataValue, MetadataValue);
        return proposals.ToDictionary();
    }

    private static string? ConventionProblem(string convention)
    {
        try
        {
            _ = NamingSteps.Proposals(convention).ToList();
            return null;
        }
        catch (WizardInputException e)
        {
            return e.Message;
        }
    }

    /// <summary>The descriptions of these arguments as tool parameters, written once for every tool that takes them.</summary>
    public static class Descriptions
    {
        public const string UpdateType = "compatibility, naming or metadata.";
        public const string Compatibility = "NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.";
        public const string Convention = "For naming updates: topic_name, record_name, topic_record_name, kebab_case, snake_case, camel_case, prefix:<text> or context:<.name>.";
        public const string MetadataTarget = "For metadata updates: latest_versions (new versions with the new metadata), default_metadata or override_metadata (subject config).";
        public const string MetadataAction = "For metadata updates: set_property, remove_property, set_tags or remove_tags.";
        public const string MetadataKey = "For metadata updates: the property name (comma-separated to remove several), or the schema path for tags.";
        public const string MetadataValue = "For metadata updates: the property value, or the tags, comma-separated.";
    }
}
