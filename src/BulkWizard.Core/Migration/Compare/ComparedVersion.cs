namespace BulkWizard.Core.Migration.Compare;

/// <summary>A version present on one side only.</summary>
/// <param name="Subject">The subject's name within its context.</param>
/// <param name="Id">Its schema id on the side that has it.</param>
public sealed record ComparedVersion(string Subject, int Version, int Id);
