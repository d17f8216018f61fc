namespace BulkWizard.Server.Tools.Results;

/// <summary>One side of a comparison: the registry's configured name and the context read (<c>.</c> is the default context).</summary>
public sealed record ComparedEnd(string Registry, string Context);
