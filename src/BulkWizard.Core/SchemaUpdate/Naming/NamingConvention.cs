using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>
/// A naming convention as the user names it: <c>topic_name</c>, <c>record_name</c>, <c>topic_record_name</c>,
/// <c>kebab_case</c>, <c>snake_case</c>, <c>camel_case</c>, <c>prefix:&lt;text&gt;</c> or <c>context:&lt;name&gt;</c>.
/// </summary>
public sealed record NamingConvention
{
    /// <summary>Every accepted form, for error messages and tool descriptions.</summary>
    public const string AllowedValues =
        "topic_name, record_name, topic_record_name, kebab_case, snake_case, camel_case, prefix:<text>, context:<name>";

    private static readonly Dictionary<string, NamingConventionKind> Plain = new(StringComparer.Ordinal)
    {
        ["topicname"] = NamingConventionKind.TopicName,
        ["topicnamestrategy"] = NamingConventionKind.TopicName,
        ["recordname"] = NamingConventionKind.RecordName,
        ["recordnamestrategy"] = NamingConventionKind.RecordName,
        ["topicrecordname"] = NamingConventionKind.TopicRecordName,
        ["topicrecordnamestrategy"] = NamingConventionKind.TopicRecordName,
        ["kebabcase"] = NamingConventionKind.KebabCase,
        ["kebab"] = NamingConventionKind.KebabCase,
        ["snakecase"] = NamingConventionKind.SnakeCase,
        ["snake"] = NamingConventionKind.SnakeCase,
        ["camelcase"] = NamingConventionKind.CamelCase,
        ["camel"] = NamingConventionKind.CamelCase,
    };

    private NamingConvention(NamingConventionKind kind, string? argument)
    {
        Kind = kind;
        Argument = argument;
    }

    public static NamingConvention TopicName { get; } = new(NamingConventionKind.TopicName, null);

    public static NamingConvention RecordName { get; } = new(NamingConventionKind.RecordName, null);

    public static NamingConvention TopicRecordName { get; } = new(NamingConventionKind.TopicRecordName, null);

    public static NamingConvention KebabCase { get; } = new(NamingConventionKind.KebabCase, null);

    public static NamingConvention SnakeCase { get; } = new(NamingConventionKind.SnakeCase, null);

    public static NamingConvention CamelCase { get; } = new(NamingConventionKind.CamelCase, null);

    public NamingConventionKind Kind { get; }

    /// <summary>The prefix text, or the context name (always with its leading dot); null for the other kinds.</summary>
    public string? Argument { get; }

    /// <summary>Record-based conventions read each subject's latest schema.</summary>
    public bool NeedsLatestSchema => Kind is NamingConventionKind.RecordName or NamingConventionKind.TopicRecordName;

    /// <summary>The convention's name without its argument, e.g. <c>kebab_case</c> or <c>prefix</c>.</summary>
    public string Name => Kind switch
    {
        NamingConventionKind.TopicName => "topic_name",
        NamingConventionKind.RecordName => "record_name",
        NamingConventionKind.TopicRecordName => "topic_record_name",
        NamingConventionKind.KebabCase => "kebab_case",
        NamingConventionKind.SnakeCase => "snake_case",
        NamingConventionKind.CamelCase => "camel_case",
        NamingConventionKind.RequiredPrefix => "prefix",
        _ => "context",
    };

    /// <exception cref="WizardInputException">The prefix is empty, has control characters or starts like a context.</exception>
    public static NamingConvention Prefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            throw Refused("prefix needs a text, e.g. prefix:team-");
        }

        if (prefix.Any(char.IsControl))
        {
            throw Refused("a prefix cannot contain control characters");
        }

        // The registry would read ":.ctx:…" as a context, not as part of the name.
        return prefix.StartsWith(":.", StringComparison.Ordinal)
            ? throw Refused($"prefix '{prefix}' starts like a context; to require a context use context:<name>")
            : new NamingConvention(NamingConventionKind.RequiredPrefix, prefix);
    }

    /// <summary>A required context, written <c>.team</c>, <c>team</c> or <c>:.team:</c>; <c>.</c> is the default context.</summary>
    /// <exception cref="WizardInputException">The name is empty, has a colon inside, or is the registry's global pseudo-context.</exception>
    public static NamingConvention Context(string context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Trim().Length == 0)
        {
            throw Refused("context needs a name, e.g. context:.team");
        }

        string normalized;
        try
        {
            normalized = QualifiedSubject.ContextOnly(context.Trim()).Context;
        }
        catch (ArgumentException)
        {
            throw Refused($"'{context}' is not a context name: a context never contains ':' (write .team, team or :.team:)");
        }

        return normalized.Equals(".__GLOBAL", StringComparison.Ordinal)
            ? throw Refused(".__GLOBAL holds registry-wide settings only; no subject lives there")
            : new NamingConvention(NamingConventionKind.RequiredContext, normalized);
    }

    /// <summary>
    /// Reads a user's spelling: case, '-', '_' and spaces do not matter for the named conventions (so <c>kebab-case</c>,
    /// <c>KebabCase</c> and <c>TopicNameStrategy</c> are accepted); prefix and context take their text after ':' or '='.
    /// </summary>
    /// <exception cref="WizardInputException">Not a convention; the message lists the allowed values.</exception>
    public static NamingConvention Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        var split = trimmed.IndexOfAny([':', '=']);
        if (split > 0)
        {
            var head = Key(trimmed[..split]);
            var argument = trimmed[(split + 1)..];
            if (head is "prefix" or "requiredprefix")
            {
                return Prefix(argument);
            }

            if (head is "context" or "requiredcontext")
            {
                return Context(argument);
            }
        }

        var key = Key(trimmed);
        if (Plain.TryGetValue(key, out var kind))
        {
            return new NamingConvention(kind, null);
        }

        return key switch
        {
            "prefix" or "requiredprefix" => Prefix(""),
            "context" or "requiredcontext" => Context(""),
            _ => throw Refused($"'{trimmed}' is not a naming convention. Allowed: {AllowedValues}"),
        };
    }

    /// <summary>The form <see cref="Parse"/> reads back, e.g. <c>kebab_case</c> or <c>prefix:team-</c>.</summary>
    public override string ToString() => Argument is null ? Name : $"{Name}:{Argument}";

    private static string Key(string text) =>
        new([.. text.Where(c => c is not ('_' or '-' or ' ')).Select(char.ToLowerInvariant)]);

    private static WizardInputException Refused(string detail) => new($"convention: {detail}.");
}
