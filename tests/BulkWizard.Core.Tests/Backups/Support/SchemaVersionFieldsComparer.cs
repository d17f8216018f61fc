using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Tests.Backups.Support;

/// <summary>Field by field, with JSON members compared by content (a record compares them by reference).</summary>
public sealed class SchemaVersionFieldsComparer : IEqualityComparer<SchemaVersion>
{
    public bool Equals(SchemaVersion? x, SchemaVersion? y) =>
        x is not null && y is not null
        && x.Subject == y.Subject && x.Version == y.Version && x.Id == y.Id && x.SchemaType == y.SchemaType
        && x.Schema == y.Schema && x.References.SequenceEqual(y.References) && JsonNode.DeepEquals(x.Metadata, y.Metadata)
        && JsonNode.DeepEquals(x.RuleSet, y.RuleSet) && x.SchemaGuid == y.SchemaGuid && x.Timestamp == y.Timestamp
        && x.Deleted == y.Deleted;

    public int GetHashCode([DisallowNull] SchemaVersion obj) => HashCode.Combine(obj.Subject, obj.Version, obj.Id);
}
