using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using BulkWizard.Core.Plans;

namespace BulkWizard.Core.Wizard;

/// <summary>
/// The state of one wizard run: the answers, the steps answered (for <c>back</c>), the pending
/// question and the plan once made. Held in <see cref="WizardSessionStore"/>; one caller at a time.
/// </summary>
public sealed class WizardSession(string id, IWizardDefinition definition, string registry, DateTimeOffset now)
{
    private readonly Stack<(string StepId, IReadOnlyList<string> Keys)> _answered = new();

    public string Id { get; } = id;

    public IWizardDefinition Definition { get; } = definition;

    /// <summary>The registry the wizard acts on, by configured name.</summary>
    public string Registry { get; } = registry;

    public WizardAnswers Answers { get; } = new();

    /// <summary>Answers given up front, tried on each step before asking.</summary>
    public Dictionary<string, JsonNode?> Proposed { get; } = new(StringComparer.Ordinal);

    /// <summary>A text answer, or the one given up front while its step has not been reached; null when neither.</summary>
    public string? Given(string key) =>
        Answers.GetString(key) ?? (Proposed.GetValueOrDefault(key) is JsonValue proposed ? proposed.ToString() : null);

    public WizardStatus Status { get; set; } = WizardStatus.Asking;

    public Question? Pending { get; set; }

    public string? PlanId { get; set; }

    /// <summary>How the plan will run, from the arguments given up front.</summary>
    public BulkOperationConfig Config { get; set; } = new();

    public DateTimeOffset LastActivity { get; private set; } = now;

    /// <summary>Registry reads the steps share (e.g. the subject inventory), so a question is not read twice.</summary>
    public ConcurrentDictionary<string, object> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>Serializes the tool calls that drive this session.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public IEnumerable<string> AnsweredSteps => _answered.Select(a => a.StepId);

    public void Touch(DateTimeOffset now) => LastActivity = now;

    internal void RecordAnswered(string stepId, IReadOnlyList<string> keys) => _answered.Push((stepId, keys));

    internal bool IsAnswered(string stepId) => _answered.Any(a => a.StepId == stepId);

    /// <summary>Forgets the last answered step so it is asked again; false when nothing was answered.</summary>
    internal bool UndoLast()
    {
        if (!_answered.TryPop(out var last))
        {
            return false;
        }

        foreach (var key in last.Keys)
        {
            Answers.Remove(key);
            Proposed.Remove(key);
        }

        return true;
    }
}
