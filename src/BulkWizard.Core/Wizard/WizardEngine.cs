using System.Text.Json.Nodes;

namespace BulkWizard.Core.Wizard;

/// <summary>
/// Moves a <see cref="WizardSession"/> through its steps: finds the next question (answering it from
/// the answers given up front when they suffice), takes answers, goes back, cancels.
/// It knows nothing of MCP; the drivers (elicitation, needs_input) sit on top of it.
/// </summary>
public static class WizardEngine
{
    /// <summary>The next question to ask, or null when every applicable step is answered.</summary>
    public static async Task<Question?> NextQuestionAsync(WizardSession session, CancellationToken cancellationToken)
    {
        if (session.Pending is not null)
        {
            return session.Pending;
        }

        foreach (var step in session.Definition.Steps)
        {
            if (session.IsAnswered(step.Id) || !step.Applies(session.Answers))
            {
                continue;
            }

            var question = await step.AskAsync(session, cancellationToken);
            if (TryAnswerFromProposed(session, question))
            {
                continue;
            }

            session.Pending = WithProposedDefaults(session, question);
            return session.Pending;
        }

        return null;
    }

    /// <summary>Validates every field of the pending question; stores all or nothing.</summary>
    public static IReadOnlyList<string> Submit(WizardSession session, JsonObject answers)
    {
        var question = session.Pending ?? throw new WizardInputException("There is no pending question to answer.");
        var (values, errors) = Validate(question, key => answers.TryGetPropertyValue(key, out var value) ? (true, value) : (false, null));
        if (errors.Count > 0)
        {
            return errors;
        }

        Store(session, question, values);
        return [];
    }

    /// <summary>Goes back one answered step; false when already at the first question.</summary>
    public static bool Back(WizardSession session)
    {
        session.Pending = null;
        session.PlanId = null;
        session.Status = WizardStatus.Asking;
        return session.UndoLast();
    }

    public static void Cancel(WizardSession session)
    {
        session.Pending = null;
        session.Status = WizardStatus.Cancelled;
    }

    private static bool TryAnswerFromProposed(WizardSession session, Question question)
    {
        if (!question.Fields.All(f => session.Proposed.ContainsKey(f.Key) || !f.Required))
        {
            return false;
        }

        var (values, errors) = Validate(question, key => session.Proposed.TryGetValue(key, out var value) ? (true, value) : (false, null));
        if (errors.Count > 0)
        {
            // A bad argument given up front is the caller's error, reported before anything is asked.
            foreach (var field in question.Fields)
            {
                session.Proposed.Remove(field.Key);
            }

            throw new WizardInputException(string.Join(" ", errors));
        }

        Store(session, question, values);
        return true;
    }

    private static Question WithProposedDefaults(WizardSession session, Question question) =>
        question with
        {
            Fields = [.. question.Fields.Select(f => session.Proposed.TryGetValue(f.Key, out var value) && f.Validate(value).IsValid ? f with { Default = value?.DeepClone() } : f)],
        };

    /// <summary>Checks each field's answer from <paramref name="lookup"/>: the valid values, and an error naming each missing or invalid field.</summary>
    public static (Dictionary<string, JsonNode?> Values, List<string> Errors) Validate(Question question, Func<string, (bool Found, JsonNode? Value)> lookup)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var errors = new List<string>();
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(lookup);
        foreach (var field in question.Fields)
        {
            var (found, raw) = lookup(field.Key);
            if (!found)
            {
                if (field.Required)
                {
                    errors.Add($"{field.Key}: missing; give {field.AllowedText}.");
                }

                continue;
            }

            var result = field.Validate(raw);
            if (result.IsValid)
            {
                values[field.Key] = result.Value;
            }
            else
            {
                errors.Add(result.Error!);
            }
        }

        return (values, errors);
    }

    private static void Store(WizardSession session, Question question, Dictionary<string, JsonNode?> values)
    {
        foreach (var (key, value) in values)
        {
            session.Answers.Set(key, value);
        }

        session.RecordAnswered(question.StepId, [.. question.Fields.Select(f => f.Key)]);
        session.Pending = null;
    }
}
