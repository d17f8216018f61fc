namespace BulkWizard.Server.Configuration;

/// <summary>The organization's compliance rules (section <c>BulkWizard:Compliance</c>).</summary>
public sealed class ComplianceOptions
{
    /// <summary>
    /// The JSON rules file (a leading <c>~</c> is the home folder), read on each check so an edit applies at once.
    /// Default: none, the built-in rules (BACKWARD or stricter, normalize and validateFields on, an <c>owner</c> property).
    /// </summary>
    public string? RulesFile { get; set; }
}
