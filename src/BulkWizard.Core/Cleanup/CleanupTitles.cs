namespace BulkWizard.Core.Cleanup;

/// <summary>The plan title of a cleanup, e.g. "Soft-delete test schemas (test-*)".</summary>
internal static class CleanupTitles
{
    public static string Of(CleanupRequest request, string selection)
    {
        var verb = request.Permanent ? "Permanently delete" : "Soft-delete";
        return request.Type.Value switch
        {
            CleanupKeys.OldVersions => $"{verb} versions older than the newest {request.KeepLast} of {selection}",
            CleanupKeys.Test => $"{verb} test schemas ({selection})",
            CleanupKeys.Deprecated => $"{verb} deprecated schemas ({selection})",
            _ => $"{verb} {selection}",
        };
    }
}
