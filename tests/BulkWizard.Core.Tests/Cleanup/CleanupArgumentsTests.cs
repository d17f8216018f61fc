using System.Text.Json.Nodes;
using BulkWizard.Core.Cleanup;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Tests.Cleanup;

public sealed class CleanupArgumentsTests
{
    [Theory]
    [InlineData("purge", null, "cleanup_type: 'purge' is not allowed: use one of deprecated, test, old_versions, pattern.")]
    [InlineData("old_versions", 0, "keep_last: 0 is not allowed: give a whole number of at least 1 (the newest live versions kept per subject).")]
    [InlineData("test", 3, "keep_last: only for cleanup_type 'old_versions', not 'test'.")]
    [InlineData("old_versions", 3, null)]
    [InlineData("pattern", null, null)]
    public void Validate_TypeAndKeepLast_NameTheFieldAndWhatIsAllowed(string type, int? keepLast, string? expected) =>
        Assert.Equal(expected, new CleanupArguments { CleanupType = type, KeepLast = keepLast }.Validate());

    [Theory]
    [InlineData("producers_action", "wait", "producers_action: 'wait' is not allowed: use one of force, skip, cancel.")]
    [InlineData("consumers_action", "ignore", "consumers_action: 'ignore' is not allowed: use one of wait, force, skip, cancel.")]
    [InlineData("unknown_impact", "yes", "unknown_impact: 'yes' is not allowed: use one of proceed, cancel.")]
    [InlineData("sample_per_partition", "0", "sample_per_partition: 0 is not allowed: give 1 to 1000000, or whole_topic: true.")]
    [InlineData("wait_timeout_seconds", "7200", "wait_timeout_seconds: 7200 is not allowed: give 1 to 3600.")]
    public void Validate_ImpactArguments_NameTheFieldAndWhatIsAllowed(string field, string value, string expected)
    {
        var arguments = field switch
        {
            "producers_action" => new CleanupArguments { ProducersAction = value },
            "consumers_action" => new CleanupArguments { ConsumersAction = value },
            "unknown_impact" => new CleanupArguments { UnknownImpact = value },
            "sample_per_partition" => new CleanupArguments { SamplePerPartition = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => new CleanupArguments { WaitTimeoutSeconds = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
        };

        Assert.Equal(expected, arguments.Validate());
    }

    [Theory]
    [InlineData(null, null, "cleanup_type: missing for a cleanup; give one of deprecated, test, old_versions, pattern.")]
    [InlineData("old_versions", null, "keep_last: missing for cleanup_type 'old_versions'; give the number of newest live versions to keep, at least 1.")]
    [InlineData("old_versions", 2, null)]
    [InlineData("test", null, null)]
    public void Missing_NamesWhatTheTypeCannotPlanWithout(string? type, int? keepLast, string? expected) =>
        Assert.Equal(expected, new CleanupArguments { CleanupType = type, KeepLast = keepLast }.Missing());

    [Theory]
    [InlineData("pattern", null, "pattern: missing for cleanup_type 'pattern'; give the subjects to clean up, e.g. orders-* or :.staging:*.")]
    [InlineData("old_versions", null, "pattern: missing for cleanup_type 'old_versions'; give the subjects to clean up, e.g. orders-* or :.staging:*.")]
    [InlineData("test", null, null)]
    [InlineData("deprecated", null, null)]
    [InlineData("pattern", "orders-*", null)]
    public void MissingPattern_OnlyTypesWithoutASelectorOfTheirOwnNeedIt(string type, string? pattern, string? expected) =>
        Assert.Equal(expected, new CleanupArguments { CleanupType = type }.MissingPattern(pattern));

    [Fact]
    public void Proposals_TestCleanup_ImpliesTheTestSelector_BackupAlwaysOn()
    {
        var proposals = new CleanupArguments { CleanupType = "test", Permanent = true, SamplePerPartition = 50 }.Proposals();

        Assert.Equal(
            """{"create_backup":"yes","cleanup_type":"test","permanent":true,"sample_per_partition":50,"selection":"test"}""",
            new JsonObject(proposals.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.DeepClone()))).ToJsonString());
    }

    [Fact]
    public void Read_FromAnswers_UnknownNameRefusedWithTheArgumentsList()
    {
        var error = Assert.Throws<WizardInputException>(() => OperationArguments.Read<CleanupArguments>(new JsonObject { ["keep"] = 3 }, "cleanup"));

        Assert.StartsWith("answers: 'keep' is not an argument of cleanup; use cleanup_type, permanent, keep_last, remove_empty_context,", error.Message, StringComparison.Ordinal);
    }
}
