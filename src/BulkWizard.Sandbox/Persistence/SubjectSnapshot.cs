namespace BulkWizard.Sandbox.Persistence;

internal sealed record SubjectSnapshot(string Subject, List<VersionSnapshot> Versions);
