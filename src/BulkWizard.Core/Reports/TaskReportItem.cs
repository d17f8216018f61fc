using System.Text.Json.Nodes;

namespace BulkWizard.Core.Reports;

/// <summary>One change of a finished run: its target, the line previews show, the states before and after as planned, and what happened to it.</summary>
/// <param name="Outcome">An <c>ItemOutcome</c> in snake_case (<c>applied</c>, <c>undone</c>, <c>conflict</c>, …), or <c>not_recorded</c> for a dry-run item beyond those the result keeps.</param>
/// <param name="Message">Why it failed, conflicted or was not run; null when it went as planned.</param>
public sealed record TaskReportItem(
    int Index, string Subject, string? Registry, string Change, JsonNode? Before, JsonNode? After, string Outcome, string? Message);
