using BulkWizard.Core.Configuration.Retention;
using BulkWizard.Core.Execution;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Tasks;

namespace BulkWizard.Core.Configuration;

/// <summary>The retention policy a completed plan sets, read back from the plan's answers, and its storing.</summary>
internal static class RetentionPolicyOfPlan
{
    /// <summary>The policy of a retention plan, set at <paramref name="now"/>; null for any other plan.</summary>
    public static RetentionPolicy? Of(OperationPlan plan, DateTimeOffset now)
    {
        var answers = plan.Answers;
        if (answers[ConfigurationKeys.ConfigurationType]?.GetValue<string>() != ConfigurationKeys.RetentionType
            || answers[ConfigurationKeys.RetentionPattern]?.GetValue<string>() is not { } pattern)
        {
            return null;
        }

        return new RetentionPolicy(plan.Registry, pattern, Whole(answers[ConfigurationKeys.KeepLast]), Whole(answers[ConfigurationKeys.OlderThanDays]), now);
    }

    /// <summary>
    /// Stores the policy; when that fails, the run's changes stay applied and the result says the policy was not stored,
    /// so the plan can be run again for it.
    /// </summary>
    public static ExecutionResult Store(RetentionPolicy policy, string dataDirectory, ExecutionResult result)
    {
        try
        {
            new RetentionPolicyStore(dataDirectory).Save(policy);
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            return result with
            {
                TaskStatus = BulkTaskStatus.Failed,
                Error = $"The run's changes applied, but the retention policy for {policy.Pattern} could not be stored: {e.Message} Plan it again to store it.",
            };
        }
    }

    private static int? Whole(System.Text.Json.Nodes.JsonNode? value) => value is null ? null : (int)value.GetValue<double>();
}
