namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>The rule a subject name is checked against; see <see cref="NamingConvention"/> for each one's spelling.</summary>
public enum NamingConventionKind
{
    /// <summary>TopicNameStrategy: <c>&lt;topic&gt;-key</c> or <c>&lt;topic&gt;-value</c>.</summary>
    TopicName,

    /// <summary>RecordNameStrategy: the fully qualified name of the latest schema's record.</summary>
    RecordName,

    /// <summary>TopicRecordNameStrategy: <c>&lt;topic&gt;-&lt;fully.qualified.RecordName&gt;</c>.</summary>
    TopicRecordName,

    KebabCase,
    SnakeCase,
    CamelCase,

    /// <summary>The name starts with a given text.</summary>
    RequiredPrefix,

    /// <summary>The subject lives in a given schema context.</summary>
    RequiredContext,
}
