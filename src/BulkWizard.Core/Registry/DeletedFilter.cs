namespace BulkWizard.Core.Registry;

/// <summary>Which subjects or versions a listing returns, by soft-deletion.</summary>
public enum DeletedFilter
{
    /// <summary>Only live ones (the registry's default).</summary>
    LiveOnly,

    /// <summary>Live and soft-deleted ones (<c>deleted=true</c>).</summary>
    IncludeDeleted,

    /// <summary>Only soft-deleted ones (<c>deletedOnly=true</c>, registry 7.3.1 and later).</summary>
    DeletedOnly,
}
