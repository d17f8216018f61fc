using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace BulkWizard.Core.Plans;

/// <summary>
/// The one definition of a plan's identity: every planner takes its id from <see cref="NewId"/>, the plan store
/// accepts only ids <see cref="IsId"/> recognizes, and a finished plan is sealed by <see cref="Seal"/> before it is
/// saved, so a confirmation names exactly what it approves.
/// </summary>
public static partial class PlanIdentity
{
    /// <summary>What an id looks like, for error messages.</summary>
    public const string IdFormat = "plan_ followed by 16 hex digits";

    private const string Prefix = "plan_";

    /// <summary>A new random id: <c>plan_</c> and 16 lowercase hex digits.</summary>
    public static string NewId() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Whether the text is a plan id (and so safe as a file name).</summary>
    public static bool IsId(string? text) => text is not null && IdPattern().IsMatch(text);

    /// <summary>The plan with its hash set over everything but the id and the hash (<see cref="PlanJson.HashOf"/>).</summary>
    public static OperationPlan Seal(OperationPlan plan) => plan with { Hash = PlanJson.HashOf(plan) };

    [GeneratedRegex("^plan_[0-9a-f]{16}$")]
    private static partial Regex IdPattern();
}
