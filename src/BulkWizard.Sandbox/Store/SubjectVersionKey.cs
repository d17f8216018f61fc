namespace BulkWizard.Sandbox.Store;

/// <summary>One version of one (qualified, normalized) subject.</summary>
internal readonly record struct SubjectVersionKey(string Subject, int Version);
