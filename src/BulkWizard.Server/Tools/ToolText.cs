using BulkWizard.Core.Operations;

namespace BulkWizard.Server.Tools;

/// <summary>
/// Parameter descriptions shared by several tools, so each setting is described once. The descriptions of an
/// operation's own arguments live beside its arguments record (e.g. <c>SchemaUpdateArguments.Descriptions</c>);
/// those of the selection and run settings beside <see cref="SelectionArguments"/> and <see cref="RunSettings"/>.
/// </summary>
internal static class ToolText
{
    public const string Registry = SelectionArguments.Descriptions.Registry;
    public const string Pattern = SelectionArguments.Descriptions.Pattern;
    public const string WaitSeconds = "Seconds to wait for the run before returning its task id, 0 to 50 (default 20).";
    public const string PlanId = "The plan_id a planning tool returned.";
    public const string BackupId = "The backup_id, e.g. from list_backups or a task result.";
}
