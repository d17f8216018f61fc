namespace BulkWizard.Core.Migration.Compare;

/// <summary>How many items a list has, and its first ones: a comparison of large registries stays readable.</summary>
public sealed record CappedList<T>(int Total, IReadOnlyList<T> Items);
