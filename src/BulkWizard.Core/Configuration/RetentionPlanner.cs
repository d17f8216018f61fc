using System.Globalization;
using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Configuration.Retention;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Configuration;

/// <summary>
/// Plans a retention policy: the policy (registry, the scope's pattern, keep_last, older_than_days) is stored in the data
/// directory once the run completes (<see cref="ConfigurationOperation.CompletedAsync"/>), where <c>check_retention</c>
/// judges by it. With <c>enforce_now</c>, the versions over the limit are soft-deleted in the same run by cleanup's rules
/// for old versions (<see cref="CleanupPlanner"/>: reference-safe, backed up, undone through the restore path), exactly
/// those <c>check_retention</c> reports.
/// </summary>
internal sealed class RetentionPlanner(ConfigurationPlanning planning)
{
    /// <summary>With older_than_days alone, the newest live version of each subject stays (as the check and an archival judge).</summary>
    private const int KeptWithoutKeepLast = 1;

    public async Task<OperationPlan> PlanAsync(CancellationToken cancellationToken)
    {
        var (keepLast, olderThanDays, enforceNow, inMetadata) = planning.Request.Retention;
        var pattern = RetentionPattern.Of(planning);
        var now = planning.Clock.GetUtcNow();
        var policy = new RetentionPolicy(planning.Gateway.Registry.Name, pattern, keepLast, olderThanDays, now);
        if (policy.Problem() is { } problem)
        {
            throw new WizardInputException(problem);
        }

        var answers = planning.Answers;
        answers[ConfigurationKeys.RetentionPattern] = pattern;
        var warnings = new List<string>
        {
            $"The policy \"{policy.Describe()}\" for {pattern} is stored once this run completes ({RetentionPolicyStore.FileName} in the data directory), and check_retention judges by it. " +
            "It is not registry state: restore_backup does not take it back.",
        };
        if (Stored(policy) is { } replaced)
        {
            warnings.Add($"It replaces the policy stored for {pattern}: \"{replaced.Describe()}\".");
        }

        var changes = new List<PlannedChange>();
        var skipped = new List<SkippedSubject>();
        if (enforceNow)
        {
            var enforcement = await EnforceAsync(keepLast, olderThanDays, now, cancellationToken);
            changes.AddRange(enforcement.Changes);
            skipped.AddRange(enforcement.Skipped.Where(s => !WithinPolicy(s.Reason)));
            warnings.AddRange(enforcement.Warnings);
        }
        else if (!inMetadata)
        {
            warnings.Add("Nothing in the registry changes now: enforce_now: true also soft-deletes the versions over the limit (check_retention lists them).");
        }

        if (inMetadata)
        {
            // After the deletes: a subject's delete backs it up whole first, config included, so its restore puts both back.
            var metadata = await InMetadataAsync(keepLast, olderThanDays, cancellationToken);
            changes.AddRange(metadata.Changes);
            skipped.AddRange(metadata.Skipped);
            warnings.AddRange(metadata.Warnings);
        }

        return planning.Plan($"Set retention policy ({policy.Describe()}) on {planning.ScopeText}", changes, skipped, warnings, 0);
    }

    /// <summary>Cleanup's plan of old versions over the subjects of the scope, with the policy's limits.</summary>
    private async Task<OperationPlan> EnforceAsync(int? keepLast, int? olderThanDays, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (olderThanDays is not null && await planning.Gateway.GetCapabilitiesAsync(cancellationToken) is { ReportsFullSchemaFields: false } capabilities)
        {
            throw new WizardInputException(
                $"older_than_days: enforcing it needs each version's write time, which registries report from 8.0; '{planning.Gateway.Registry.Name}' reports version " +
                $"{capabilities.ReportedVersion ?? "unknown"}. Use keep_last, or enforce_now: false to store the policy only.");
        }

        var subjects = await planning.SubjectsInScopeAsync(cancellationToken);
        var selection = new SelectedSubjects(planning.ScopeText, subjects, new Dictionary<Registry.QualifiedSubject, string>());
        var request = new CleanupRequest(CleanupTypes.OldVersions, Permanent: false, keepLast ?? KeptWithoutKeepLast, RemoveEmptyContext: false)
        {
            OlderThan = olderThanDays is { } days ? now.AddDays(-days) : null,
        };
        return await new CleanupPlanner(planning.Gateway, planning.Options, planning.Clock)
            .PlanAsync(request, selection, planning.Config, planning.Answers, planning.PlanId, cancellationToken);
    }

    /// <summary>The policy as a security policy of <c>retention.*</c> properties in the scope's config <c>defaultMetadata</c>.</summary>
    private Task<OperationPlan> InMetadataAsync(int? keepLast, int? olderThanDays, CancellationToken cancellationToken)
    {
        var properties = new JsonObject();
        if (keepLast is { } keep)
        {
            properties["retention.keep_last"] = keep.ToString(CultureInfo.InvariantCulture);
        }

        if (olderThanDays is { } days)
        {
            properties["retention.older_than_days"] = days.ToString(CultureInfo.InvariantCulture);
        }

        var policy = new SecurityPolicy(Override: false, new JsonObject { ["properties"] = properties }, RuleSet: null);
        var asSecurity = planning with { Request = planning.Request with { Security = policy } };
        return new SecurityPlanner(asSecurity, aboutAccessControl: false).PlanAsync(cancellationToken);
    }

    /// <summary>Cleanup's reasons for a subject with nothing to delete: within the policy, so not worth listing.</summary>
    private static bool WithinPolicy(string reason) =>
        reason.Contains("all within the newest", StringComparison.Ordinal) || reason.StartsWith("no version", StringComparison.Ordinal)
        || reason.StartsWith("already soft-deleted", StringComparison.Ordinal);

    private RetentionPolicy? Stored(RetentionPolicy policy)
    {
        if (planning.DataDirectory is not { } data)
        {
            return null;
        }

        try
        {
            return new RetentionPolicyStore(data).Load().FirstOrDefault(p =>
                string.Equals(p.Registry, policy.Registry, StringComparison.OrdinalIgnoreCase) && p.Pattern == policy.Pattern);
        }
        catch (InvalidDataException e)
        {
            throw new WizardInputException(e.Message);
        }
    }
}
