using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Moq;

namespace BulkWizard.Kafka.Tests.Support;

/// <summary>
/// A mocked <see cref="IAdminClient"/>: metadata and committed offsets come from the mock cluster; listing
/// groups (which the mock cluster does not serve) and topic configs are set up by each test.
/// </summary>
public static class GroupsAdmin
{
    public const long Retention = 604_800_000;

    public static Mock<IAdminClient> Over(MockCluster cluster, params (string Group, ConsumerGroupState State, int Members)[] groups)
    {
        var admin = new Mock<IAdminClient>();
        admin.Setup(a => a.GetMetadata(It.IsAny<TimeSpan>())).Returns((TimeSpan timeout) => cluster.Admin.GetMetadata(timeout));
        admin.Setup(a => a.ListConsumerGroupOffsetsAsync(It.IsAny<IEnumerable<ConsumerGroupTopicPartitions>>(), It.IsAny<ListConsumerGroupOffsetsOptions>()))
            .Returns((IEnumerable<ConsumerGroupTopicPartitions> asked, ListConsumerGroupOffsetsOptions options) => cluster.Admin.ListConsumerGroupOffsetsAsync(asked, options));
        admin.Setup(a => a.ListGroups(It.IsAny<TimeSpan>())).Returns(
        [
            .. groups.Select(g => new GroupInfo(
                null, g.Group, new Error(ErrorCode.NoError), g.State.ToString(), "consumer", "range",
                [.. Enumerable.Range(0, g.Members).Select(i => new GroupMemberInfo($"{g.Group}-{i}", "client", "host", [], []))])),
        ]);
        admin.Setup(a => a.DescribeConfigsAsync(It.IsAny<IEnumerable<ConfigResource>>(), It.IsAny<DescribeConfigsOptions>()))
            .ReturnsAsync((IEnumerable<ConfigResource> resources, DescribeConfigsOptions _) =>
            [
                .. resources.Select(r => new DescribeConfigsResult
                {
                    ConfigResource = r,
                    Entries = new() { ["retention.ms"] = new ConfigEntryResult { Name = "retention.ms", Value = Retention.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
                }),
            ]);
        return admin;
    }
}
