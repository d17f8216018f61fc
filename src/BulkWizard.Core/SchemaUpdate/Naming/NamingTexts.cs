namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>The plain words a naming plan and the wizard show about what an alias really does.</summary>
internal static class NamingTexts
{
    public const string ReadAndWrite =
        "Clients using the new names read AND write the target subjects: a producer registering under the alias adds versions to the target.";

    public const string DeletesFollow =
        "Deleting an alias name deletes the target's versions (aliases rewrite deletes too).";

    /// <summary>Shown where a user asks for a real rename.</summary>
    public const string RenameIsMigration =
        "Renaming by copy-and-delete is a migration, not an update: use the migration operation to copy the subjects " +
        "under the new names (ids kept), then clean up the old names.";

    public static string AliasesUnsupported(string registry, string? reportedVersion) =>
        $"Registry '{registry}' reports version {reportedVersion ?? "unknown (no /v1/metadata/version)"}: subject aliases need " +
        "Confluent Schema Registry 7.4.1 or later, so naming conventions cannot be applied by alias there. " +
        "check_naming still reports violations; " + RenameIsMigration;
}
