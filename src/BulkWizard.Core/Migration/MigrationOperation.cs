using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Migration;

/// <summary>
/// Migrations between contexts and registries: the type, the selection, the target, the options, then the plan of
/// imports and source removals (<see cref="MigrationPlanner"/>). Both registries are locked and backed up by the shared
/// executor; <c>restore_backup</c> undoes both sides.
/// </summary>
public sealed class MigrationOperation(SelectionOptions selectionOptions, TimeProvider clock, IRegistryGatewayProvider registries) : IBulkOperation
{
    public string OperationType => OperationTypes.Migration;

    public IWizardDefinition CreateWizard(IRegistryGateway gateway) =>
        new MigrationWizard(gateway, selectionOptions, [.. registries.Registries.Select(r => r.Name)]);

    public IOperationArguments ReadArguments(JsonObject answers) => OperationArguments.Read<MigrationArguments>(answers, OperationType);

    public async Task<OperationPlan> PlanAsync(WizardSession session, IWizardDefinition wizard, IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var answers = session.Answers;
        var type = MigrationTypes.Find(answers.GetString(MigrationKeys.MigrationType)) ?? throw new WizardInputException("migration_type: not answered.");
        var selection = await new SelectionResolver(gateway, selectionOptions, ((MigrationWizard)wizard).Selection).ResolveAsync(session, cancellationToken);
        if (type.Archives)
        {
            var olderThan = answers.GetString(MigrationKeys.OlderThan) is { Length: > 0 } text && ArchiveCutoff.TryParse(text, out var cutoff) ? cutoff : (DateTimeOffset?)null;
            return await new ArchivePlanner(gateway, selectionOptions, clock).PlanAsync(
                selection, answers.GetInt(MigrationKeys.KeepLast), olderThan, answers.GetString(MigrationKeys.SourceAfter) == MigrationKeys.PermanentDelete,
                session.Config, answers.ToJson(), cancellationToken);
        }

        var request = new MigrationRequest(
            type,
            type.ToAnotherRegistry ? answers.GetString(MigrationKeys.TargetRegistry) : null,
            MigrationContexts.Normalize(answers.GetString(MigrationKeys.TargetContext) ?? QualifiedSubject.DefaultContext),
            answers.GetBool(MigrationKeys.PreserveIds) ?? true,
            answers.GetBool(MigrationKeys.AllVersions) ?? true,
            answers.GetBool(MigrationKeys.CopySettings) ?? true,
            answers.GetString(MigrationKeys.SourceAfter) ?? type.DefaultSourceAfter,
            session.Proposed.GetValueOrDefault(MigrationKeys.TargetPrefix)?.GetValue<string>() ?? "",
            session.Proposed.GetValueOrDefault(MigrationKeys.TargetSuffix)?.GetValue<string>() ?? "");
        var json = answers.ToJson();
        json[MigrationKeys.TargetPrefix] = request.TargetPrefix;
        json[MigrationKeys.TargetSuffix] = request.TargetSuffix;
        return await new MigrationPlanner(registries, clock)
            .PlanAsync(request, gateway, selection, answers.GetBool(SelectionKeys.IncludeDeleted) ?? false, session.Config, json, cancellationToken);
    }
}
