using BulkWizard.Core.Registry;
using BulkWizard.Core.Selection;

namespace BulkWizard.Core.Configuration.Retention;

/// <summary>
/// The policy that applies to a subject: of the policies of its registry whose pattern selects it, the most specific
/// (<see cref="PatternSpecificity"/>); of equally specific ones, the one set last, then the first pattern in ordinal order.
/// Each pattern is parsed once; a subject costs one match per policy, and policies are few.
/// </summary>
internal sealed class RetentionPolicyMatcher
{
    private readonly List<(RetentionPolicy Policy, SubjectPattern Pattern)> _policies;

    public RetentionPolicyMatcher(string registry, IEnumerable<RetentionPolicy> policies)
    {
        _policies = [.. policies
            .Where(p => string.Equals(p.Registry, registry, StringComparison.OrdinalIgnoreCase))
            .Select(p => (p, SubjectPattern.Parse(p.Pattern)))];
    }

    public RetentionPolicy? For(QualifiedSubject subject)
    {
        (RetentionPolicy Policy, PatternSpecificity Specificity)? best = null;
        foreach (var (policy, pattern) in _policies)
        {
            if (PatternSpecificity.Of(pattern, subject) is { } specificity && (best is null || Wins(policy, specificity, best.Value)))
            {
                best = (policy, specificity);
            }
        }

        return best?.Policy;
    }

    private static bool Wins(RetentionPolicy policy, PatternSpecificity specificity, (RetentionPolicy Policy, PatternSpecificity Specificity) best) =>
        specificity.CompareTo(best.Specificity) is var order && order != 0 ? order > 0
        : policy.SetAt != best.Policy.SetAt ? policy.SetAt > best.Policy.SetAt
        : string.CompareOrdinal(policy.Pattern, best.Policy.Pattern) < 0;
}
