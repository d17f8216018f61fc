namespace BulkWizard.Server.Tools.Results;

/// <summary>The runs of this process; each names its registry.</summary>
public sealed record TaskList(IReadOnlyList<TaskSnapshot> Tasks);
