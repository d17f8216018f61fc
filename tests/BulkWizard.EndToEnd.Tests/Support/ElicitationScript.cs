using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace BulkWizard.EndToEnd.Tests.Support;

/// <summary>The person behind the client: answers each form from a script and records what was asked.</summary>
public sealed class ElicitationScript(params Func<ElicitRequestParams, ElicitResult>[] answers)
{
    private readonly ConcurrentQueue<Func<ElicitRequestParams, ElicitResult>> _answers = new(answers);

    public List<ElicitRequestParams> Asked { get; } = [];

    public IEnumerable<string> Messages => Asked.Select(a => a.Message);

    public ValueTask<ElicitResult> HandleAsync(ElicitRequestParams? request, CancellationToken cancellationToken)
    {
        Asked.Add(request!);
        return ValueTask.FromResult(_answers.TryDequeue(out var answer) ? answer(request!) : new ElicitResult { Action = "cancel" });
    }

    public static Func<ElicitRequestParams, ElicitResult> Accept(string field, object value) =>
        _ => new ElicitResult { Action = "accept", Content = new Dictionary<string, JsonElement> { [field] = JsonSerializer.SerializeToElement(value) } };

    public static Func<ElicitRequestParams, ElicitResult> Decline { get; } = _ => new ElicitResult { Action = "decline" };

    public static Func<ElicitRequestParams, ElicitResult> Cancel { get; } = _ => new ElicitResult { Action = "cancel" };
}
