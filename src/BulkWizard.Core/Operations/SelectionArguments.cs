using System.Text.Json.Nodes;
using BulkWizard.Core.Selection;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Core.Operations;

/// <summary>
/// The selection every operation starts with, given up front: the registry, a pattern or individual subjects
/// (the pattern wins when both are given), and whether soft-deleted subjects count. Shared by every tool that plans.
/// </summary>
public sealed record SelectionArguments(string? Registry = null, string? Pattern = null, IReadOnlyList<string>? Subjects = null, bool? IncludeDeleted = null)
{
    /// <summary>The first given value that is not allowed, naming the argument; null when fine.</summary>
    public string? Validate()
    {
        if (Pattern is not null)
        {
            try
            {
                SubjectPattern.Parse(Pattern);
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }
        }

        return Subjects?.Any(string.IsNullOrWhiteSpace) == true ? "subjects: a subject name is empty." : null;
    }

    /// <summary>Proposes the selection answers to the session, and sets <c>include_deleted</c> (no step asks it).</summary>
    public void ApplyTo(WizardSession session)
    {
        if (Pattern is not null)
        {
            session.Proposed[SelectionKeys.Selection] = SelectionKeys.Custom;
            session.Proposed[SelectionKeys.Pattern] = Pattern;
        }
        else if (Subjects is { Count: > 0 } subjects)
        {
            session.Proposed[SelectionKeys.Selection] = SelectionKeys.Individual;
            session.Proposed[SelectionKeys.Subjects] = new JsonArray([.. subjects.Select(s => (JsonNode)JsonValue.Create(s)!)]);
        }

        if (IncludeDeleted is { } includeDeleted)
        {
            session.Answers.Set(SelectionKeys.IncludeDeleted, includeDeleted);
        }
    }

    /// <summary>The descriptions of the selection parameters, written once for every tool that takes them.</summary>
    public static class Descriptions
    {
        public const string Registry = "Configured registry name (see list_registries); the default registry when omitted.";
        public const string Pattern = "Subjects to select: test-* (default context), :.staging:orders-* (one context), :*:test-* (every context); comma-separated, !term excludes.";
        public const string Subjects = "Individual subjects to select, instead of a pattern.";
        public const string IncludeDeleted = "Also select soft-deleted subjects (default false).";
    }
}
