using BulkWizard.Core.Wizard;

namespace BulkWizard.Server.Tools.Results;

/// <summary>The question a wizard waits on; answer it with <c>bulk_wizard_answer(session_id, {field: value})</c>.</summary>
public sealed record PendingQuestion(string Step, string Message, IReadOnlyList<QuestionField> Fields)
{
    public static PendingQuestion From(Question question) =>
        new(question.StepId, question.Message, [.. question.Fields.Select(QuestionField.From)]);
}
