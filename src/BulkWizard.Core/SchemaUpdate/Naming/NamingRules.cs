using System.Text.RegularExpressions;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>
/// Checks one subject name against a convention, without the registry: record-based conventions are given the
/// latest schema's <see cref="RecordName"/>. Suggestions keep the subject's context (except for a required context)
/// and always follow the convention themselves; otherwise none is made and the verdict says why.
/// </summary>
internal static partial class NamingRules
{
    /// <param name="record">The latest schema's record name; needed for record_name and topic_record_name only.</param>
    public static NamingVerdict Check(QualifiedSubject subject, NamingConvention convention, RecordName? record = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(convention);
        return convention.Kind switch
        {
            NamingConventionKind.TopicName => TopicName(subject),
            NamingConventionKind.RecordName => WithRecord(subject, record, fullName => RecordNamed(subject, fullName)),
            NamingConventionKind.TopicRecordName => WithRecord(subject, record, fullName => TopicRecordNamed(subject, fullName)),
            NamingConventionKind.RequiredPrefix => Prefixed(subject, convention.Argument!),
            NamingConventionKind.RequiredContext => InContext(subject, convention.Argument!),
            _ => Cased(subject, convention),
        };
    }

    private static NamingVerdict TopicName(QualifiedSubject subject)
    {
        var parsed = TopicSubjectName.Parse(subject.Name);
        if (parsed.Suffix is null || !subject.Name.EndsWith(parsed.Suffix, StringComparison.Ordinal))
        {
            var near = parsed.Suffix is null ? TopicSubjectName.NearMiss(subject.Name) : parsed;
            if (near is null)
            {
                return NamingVerdict.ViolatesWithoutSuggestion(subject, "does not end in -key or -value",
                    "which topic it belongs to, and whether it holds keys or values, cannot be derived from the name");
            }

            var reason = $"ends in '{subject.Name[near.Topic.Length..]}' instead of '{near.Suffix}'";
            return Suggest(subject, reason, near.Topic, topic => Renamed(subject, topic + near.Suffix));
        }

        return TopicSubjectName.IsLegalTopic(parsed.Topic)
            ? NamingVerdict.Conforming(subject)
            : Suggest(subject, IllegalTopic(parsed.Topic), parsed.Topic, topic => Renamed(subject, topic + parsed.Suffix));
    }

    private static NamingVerdict RecordNamed(QualifiedSubject subject, string fullName) =>
        subject.Name == fullName
            ? NamingVerdict.Conforming(subject)
            : NamingVerdict.Violates(subject, $"is not the full name of its latest schema's record, {fullName}", Renamed(subject, fullName));

    private static NamingVerdict TopicRecordNamed(QualifiedSubject subject, string fullName)
    {
        var ending = "-" + fullName;
        if (subject.Name.Length > ending.Length && subject.Name.EndsWith(ending, StringComparison.Ordinal))
        {
            var topic = subject.Name[..^ending.Length];
            return TopicSubjectName.IsLegalTopic(topic)
                ? NamingVerdict.Conforming(subject)
                : Suggest(subject, IllegalTopic(topic), topic, legal => Renamed(subject, legal + ending));
        }

        if (subject.Name == fullName)
        {
            return NamingVerdict.ViolatesWithoutSuggestion(subject, $"is the record name alone, without a topic before -{fullName}",
                "the topic cannot be derived from a record name");
        }

        // "<topic>-key" / "<topic>-value" (TopicNameStrategy), or "<topic>-<another record name>": Avro names hold no '-',
        // so the last '-' ends the topic.
        var parsed = TopicSubjectName.Parse(subject.Name);
        var (found, reason) = parsed.Suffix is not null
            ? (parsed.Topic, $"is a TopicNameStrategy name, not <topic>-{fullName}")
            : OtherRecord(subject.Name) is { } other
                ? (subject.Name[..^(other.Length + 1)], $"names record {other}, but the latest schema's record is {fullName}")
                : (null, "");
        return found is null
            ? NamingVerdict.ViolatesWithoutSuggestion(subject, $"is not <topic>-{fullName}", "the topic cannot be told apart from the rest of the name")
            : Suggest(subject, reason, found, topic => Renamed(subject, topic + ending));
    }

    private static NamingVerdict Cased(QualifiedSubject subject, NamingConvention convention)
    {
        var parsed = TopicSubjectName.Parse(subject.Name);
        var suffixOk = parsed.Suffix is null || subject.Name.EndsWith(parsed.Suffix, StringComparison.Ordinal);
        if (suffixOk && CaseStyle.Follows(convention.Kind, parsed.Topic))
        {
            return NamingVerdict.Conforming(subject);
        }

        var reason = suffixOk
            ? $"'{parsed.Topic}' is not {convention.Name}"
            : $"the suffix is written '{subject.Name[parsed.Topic.Length..]}' instead of '{parsed.Suffix}'";
        if (CaseStyle.Convert(convention.Kind, parsed.Topic) is not { } converted)
        {
            return NamingVerdict.ViolatesWithoutSuggestion(subject, reason, $"'{parsed.Topic}' has a part with no letter or digit to build a name from");
        }

        return CaseStyle.Follows(convention.Kind, converted)
            ? NamingVerdict.Violates(subject, reason, Renamed(subject, converted + parsed.Suffix))
            : NamingVerdict.ViolatesWithoutSuggestion(subject, reason, $"'{converted}', the nearest {convention.Name} name, still does not follow it (a camelCase name starts with a letter)");
    }

    private static NamingVerdict Prefixed(QualifiedSubject subject, string prefix)
    {
        if (subject.Name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return NamingVerdict.Conforming(subject);
        }

        // "Team-orders" for prefix "team-" becomes "team-orders", not "team-Team-orders".
        return subject.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? NamingVerdict.Violates(subject, $"starts with '{subject.Name[..prefix.Length]}' instead of '{prefix}'", Renamed(subject, prefix + subject.Name[prefix.Length..]))
            : NamingVerdict.Violates(subject, $"does not start with '{prefix}'", Renamed(subject, prefix + subject.Name));
    }

    private static NamingVerdict InContext(QualifiedSubject subject, string context) =>
        subject.Context == context
            ? NamingVerdict.Conforming(subject)
            : NamingVerdict.Violates(subject, $"is in context {subject.Context}, not {context}", new QualifiedSubject(context, subject.Name));

    private static NamingVerdict WithRecord(QualifiedSubject subject, RecordName? record, Func<string, NamingVerdict> check) =>
        record?.FullName is { } fullName
            ? check(fullName)
            : NamingVerdict.Unchecked(subject, record?.Problem ?? "the latest schema was not read");

    /// <summary>Suggests the name built from the topic, with illegal topic characters replaced; none when nothing legal is left.</summary>
    private static NamingVerdict Suggest(QualifiedSubject subject, string reason, string topic, Func<string, QualifiedSubject> build)
    {
        var legal = TopicSubjectName.IsLegalTopic(topic) ? topic : TopicSubjectName.Sanitized(topic);
        if (legal is null)
        {
            return NamingVerdict.ViolatesWithoutSuggestion(subject, reason, $"'{topic}' has nothing a Kafka topic name may hold");
        }

        var reasonWithTopic = legal == topic ? reason : $"{reason}; {IllegalTopic(topic)}";
        return NamingVerdict.Violates(subject, reasonWithTopic, build(legal));
    }

    private static QualifiedSubject Renamed(QualifiedSubject subject, string name) => new(subject.Context, name);

    private static string IllegalTopic(string topic) =>
        $"'{topic}' is not a legal Kafka topic name (letters, digits, '.', '_' and '-', at most {TopicSubjectName.MaxTopicLength} characters)";

    private static string? OtherRecord(string name)
    {
        var dash = name.LastIndexOf('-');
        return dash > 0 && AvroFullName().IsMatch(name[(dash + 1)..]) ? name[(dash + 1)..] : null;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AvroFullName();
}
