using BulkWizard.Core.Configuration.Retention;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Tests.Configuration.Retention;

/// <summary>The policy that applies to a subject: the most specific pattern of its registry that selects it.</summary>
public sealed class RetentionPolicyMatcherTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly RetentionPolicy[] Policies =
    [
        new("prod", "*", 10, null, Monday),
        new("prod", "orders-*", 5, null, Monday),
        new("prod", ":*:orders-*", 7, null, Monday),
        new("prod", "orders-*, !orders-archive", 4, null, Monday),
        new("prod", ":*:orders-value", 1, null, Monday),
        new("prod", "refunds-*", 3, null, Monday),
        new("prod", "p?y*", 2, null, Monday),
        new("prod", "pa?*", 6, null, Monday.AddDays(1)),
        new("dr", "orders-value", 9, null, Monday),
    ];

    [Theory]
    [InlineData("orders-value", ":*:orders-value")]
    [InlineData("orders-key", "orders-*")]
    [InlineData(":.staging:orders-key", ":*:orders-*")]
    [InlineData("orders-archive", "orders-*")]
    [InlineData("users-value", "*")]
    [InlineData("payments-value", "pa?*")] // as literal as p?y*, and set later
    public void For_Subject_MostSpecificPatternOfItsRegistry(string subject, string pattern) =>
        Assert.Equal(pattern, new RetentionPolicyMatcher("PROD", Policies).For(QualifiedSubject.Parse(subject))?.Pattern);

    [Fact]
    public void For_NoPatternSelectsIt_None() =>
        Assert.Null(new RetentionPolicyMatcher("dr", Policies).For(QualifiedSubject.Parse("payments-value")));
}
