using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Server.Wizard;

/// <summary>Turns the arguments given up front into proposed answers, tried on each step before it is asked.</summary>
public static class ArgumentProposals
{
    public static void Apply(WizardSession session, WizardStartArguments arguments)
    {
        void Set(string key, JsonNode? value)
        {
            if (value is not null)
            {
                session.Proposed[key] = value;
            }
        }

        Set(OperationTypes.Key, arguments.OperationType);
        if (arguments.Pattern is not null)
        {
            Set(SelectionKeys.Selection, SelectionKeys.Custom);
            Set(SelectionKeys.Pattern, arguments.Pattern);
        }
        else if (arguments.Subjects is { Count: > 0 } subjects)
        {
            Set(SelectionKeys.Selection, SelectionKeys.Individual);
            Set(SelectionKeys.Subjects, new JsonArray([.. subjects.Select(s => (JsonNode)JsonValue.Create(s)!)]));
        }

        Set(SchemaUpdateKeys.UpdateType, arguments.UpdateType);
        Set(SchemaUpdateKeys.Compatibility, arguments.SchemaUpdate.Compatibility?.ToUpperInvariant());
        foreach (var (key, value) in arguments.SchemaUpdate.Convention is null ? [] : NamingSteps.Proposals(arguments.SchemaUpdate.Convention))
        {
            Set(key, value);
        }

        Set(SchemaUpdateKeys.MetadataTarget, arguments.SchemaUpdate.MetadataTarget);
        Set(SchemaUpdateKeys.MetadataAction, arguments.SchemaUpdate.MetadataAction);
        Set(SchemaUpdateKeys.MetadataKey, arguments.SchemaUpdate.MetadataKey);
        Set(SchemaUpdateKeys.MetadataValue, arguments.SchemaUpdate.MetadataValue);
        if (arguments.IncludeDeleted is { } includeDeleted)
        {
            session.Answers.Set(SelectionKeys.IncludeDeleted, includeDeleted);
        }
    }
}
