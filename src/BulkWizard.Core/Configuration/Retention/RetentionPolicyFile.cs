namespace BulkWizard.Core.Configuration.Retention;

/// <summary>The content of <c>retention-policies.json</c>: <c>{"policies": [{"registry", "pattern", "keep_last", "older_than_days", "set_at"}]}</c>.</summary>
internal sealed record RetentionPolicyFile(IReadOnlyList<RetentionPolicy>? Policies);
