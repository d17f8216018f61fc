namespace BulkWizard.Core.Registry;

/// <summary>Soft delete hides a version and keeps its id resolvable; permanent delete removes a soft-deleted one for good.</summary>
public enum DeleteKind
{
    Soft,
    Permanent,
}
