using BulkWizard.Core.Cleanup.Impact;
using BulkWizard.Core.Registry;

namespace BulkWizard.Kafka.Tests.Support;

/// <summary>Builders of impact targets and check options for tests.</summary>
public static class Targets
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public static readonly KafkaImpactSettings Settings = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200));

    public static ImpactTarget Permanent(string subject, params int[] ids) =>
        new(QualifiedSubject.Parse(subject), [], ids, Permanent: true);

    public static ImpactTarget Soft(string subject) => new(QualifiedSubject.Parse(subject), [], [], Permanent: false);

    public static ImpactCheckOptions Options(int sample = ImpactCheckOptions.DefaultSample, bool wholeTopic = false) => new(Window, sample, wholeTopic);
}
