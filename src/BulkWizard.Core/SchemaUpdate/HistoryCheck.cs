namespace BulkWizard.Core.SchemaUpdate;

/// <summary>Whether a subject's existing versions satisfy a level: checked (with the first violation) or not checked, and why.</summary>
internal sealed record HistoryCheck(string Subject, bool Checked, bool Satisfied, string? Detail)
{
    public static HistoryCheck NotChecked(string subject, string why) => new(subject, false, true, why);
}
