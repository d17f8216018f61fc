using BulkWizard.Core.Audit;
using BulkWizard.Core.Backups;
using BulkWizard.Core.Backups.Retention;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Configuration;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Execution.Leasing;
using BulkWizard.Core.Migration;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Recovery;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Scheduling;
using BulkWizard.Core.SchemaUpdate;
using BulkWizard.Core.Storage;
using BulkWizard.Core.Tasks;
using BulkWizard.Core.Templates;
using BulkWizard.Core.Wizard;
using BulkWizard.Server.Configuration;
using BulkWizard.Server.Execution;
using BulkWizard.Server.Tools;
using BulkWizard.Server.Wizard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BulkWizard.Server.Hosting;

/// <summary>
/// The product's singletons: tool instances live for one call, so sessions, plans, tasks and backups live here.
/// The operation types are registered here too (<see cref="OperationRegistration.AddBulkOperation"/>), with their planning tools.
/// </summary>
public static class ProductServices
{
    public static IServiceCollection AddBulkWizard(this IServiceCollection services, BulkWizardOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(new DataDirectory(options.DataDirectory, options.BackupDirectory));
        services.AddSingleton<IBackupStore, FileBackupStore>();
        services.AddSingleton<IPlanStore, FilePlanStore>();
        services.AddSingleton<FileTemplateStore>();
        services.AddSingleton(sp => new PlanApprovals(
            sp.GetRequiredService<TimeProvider>(), TimeSpan.FromMinutes(options.Safety.PlanLifetimeMinutes), sp.GetRequiredService<DataDirectory>().EnsurePlansFolder()));
        services.AddSingleton<WizardSessionStore>();
        services.AddSingleton<RequestStateCodec>();
        services.AddSingleton<FinishedTasks>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<TaskManager>();
        services.AddSingleton(sp => new PlanExecutor(
            sp.GetRequiredService<IBackupStore>(), sp.GetRequiredService<DataDirectory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<PlanExecutor>>(),
            options.Safety.RegistryLeaseSeconds == 0 ? null : new RegistryLeaseOptions { Duration = TimeSpan.FromSeconds(options.Safety.RegistryLeaseSeconds) }));
        services.AddSingleton<ExecutionLauncher>();
        services.AddSingleton<PlanService>();
        services.AddSingleton<PlanReviews>();
        services.AddSingleton<WizardReplies>();
        services.AddSingleton<WizardConversation>();
        services.AddHostedService<TaskShutdown>();
        services.AddSingleton<InterruptedRuns>();
        services.AddSingleton<RecoveryPlanner>();
        services.AddSingleton<RunUndoPlanner>();
        services.AddHostedService<InterruptedRunsNotice>();
        services.AddSingleton<ScheduledRuns>();
        services.AddSingleton<PlanReplay>();
        services.AddSingleton<IPlanRunner>(sp => sp.GetRequiredService<ExecutionLauncher>());
        services.AddSingleton<RunScheduler>();
        services.AddHostedService<ScheduledRunsStartup>();
        services.AddSingleton(sp => new BackupPruner(
            sp.GetRequiredService<DataDirectory>(), options.BackupRetention.ToPolicy(), sp.GetRequiredService<AuditLog>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<BackupPruner>>(), sp.GetRequiredService<TaskManager>()));
        services.AddHostedService<BackupRetentionAtStartup>();
        services.AddKafkaImpactCheck(TimeSpan.FromSeconds(options.Impact.KafkaTimeoutSeconds));

        // The operation types, each with the tool class of its planning tool: one line per operation.
        services.AddBulkOperation<SchemaUpdateTools>(sp => new SchemaUpdateOperation(options.Selection, sp.GetRequiredService<TimeProvider>()));
        services.AddBulkOperation<MigrationTools>(sp => new MigrationOperation(
            options.Selection, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IRegistryGatewayProvider>(),
            sp.GetRequiredService<IConsumerImpactChecker>(), options.Impact.ToCheckOptions()));
        services.AddBulkOperation<CleanupTools>(sp => new CleanupOperation(
            options.Selection, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IRegistryGatewayProvider>(),
            sp.GetRequiredService<IConsumerImpactChecker>(), options.Impact.ToCheckOptions()));
        services.AddBulkOperation<ConfigurationTools>(sp => new ConfigurationOperation(
            options.Selection, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IRegistryGatewayProvider>(),
            sp.GetRequiredService<IConsumerImpactChecker>(), options.Impact.ToCheckOptions(),
            new ConfigurationSources(options.Compliance.RulesFile, sp.GetRequiredService<DataDirectory>().Root)));
        return services;
    }
}
