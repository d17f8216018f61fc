namespace BulkWizard.Core.Selection;

/// <summary>The answer keys of the selection steps shared by every operation, and the values of the "selection" choice.</summary>
internal static class SelectionKeys
{
    public const string Selection = "selection";
    public const string Pattern = "pattern";
    public const string Subjects = "subjects";
    public const string IncludeDeleted = "include_deleted";

    public const string Individual = "individual";
    public const string Test = "test";
    public const string Deprecated = "deprecated";
    public const string All = "*";
    public const string Custom = "custom";
}
