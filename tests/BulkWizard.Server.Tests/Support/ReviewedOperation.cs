using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;

namespace BulkWizard.Server.Tests.Support;

/// <summary>
/// A stand-in operation (registered as <c>cleanup</c>) with one question and one review step, the shape cleanup's
/// consumer-impact check will take: "Active consumers detected. How should we proceed?" wait / force / skip / cancel.
/// </summary>
internal sealed class ReviewedOperation : IBulkOperation
{
    public const string Type = OperationTypes.Cleanup;
    public const string KindKey = "kind";
    public const string ConsumerActionKey = "consumer_action";
    public const string ReviewMessage = "Active consumers detected (3 consumers). How should we proceed?";
    public const string SkipNote = "Subjects with active consumers are skipped.";

    public string OperationType => Type;

    public int Planned { get; private set; }

    public IWizardDefinition CreateWizard(IRegistryGateway gateway) => new Wizard();

    public IOperationArguments ReadArguments(JsonObject answers) => OperationArguments.Read<ReviewedArguments>(answers, Type);

    public Task<OperationPlan> PlanAsync(WizardSession session, IWizardDefinition wizard, IRegistryGateway gateway, CancellationToken cancellationToken)
    {
        Planned++;
        return Task.FromResult(new OperationPlan
        {
            Id = PlanIdentity.NewId(),
            OperationType = Type,
            Title = $"Clean up {session.Answers.GetString(KindKey)} schemas",
            Registry = session.Registry,
            CreatedAt = DateTimeOffset.UtcNow,
            Answers = session.Answers.ToJson(),
            Config = session.Config,
            Changes = [],
            Estimate = PlanEstimate.For(0, session.Config, 1),
        });
    }

    public IReadOnlyList<ReviewStep> ReviewSteps { get; } =
    [
        new("consumers", AskAsync, DecideAsync),
    ];

    private static ValueTask<Question?> AskAsync(OperationPlan plan, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Question?>(new Question("consumers", ReviewMessage, new Field(ConsumerActionKey, FieldKind.Choice, "Consumers")
        {
            Options = [new("wait", "Wait for consumers to catch up"), new("force", "Force operation"), new("skip", "Skip schemas with active consumers"), new("cancel", "Cancel operation")],
        }));

    private static ValueTask<ReviewDecision> DecideAsync(OperationPlan plan, JsonObject answers, IProgress<string>? progress, CancellationToken cancellationToken) =>
        ValueTask.FromResult(answers[ConsumerActionKey]!.GetValue<string>() switch
        {
            "cancel" => ReviewDecision.Cancel("Cancelled at the consumer check."),
            "skip" => ReviewDecision.Annotate(plan, SkipNote),
            "wait" => ReviewDecision.Refuse("consumer_action: waiting for consumers needs a Kafka connection, and none is configured."),
            _ => ReviewDecision.Continue,
        });

    private sealed class Wizard : IWizardDefinition
    {
        public string OperationType => Type;

        public IReadOnlyList<WizardStep> Steps { get; } =
        [
            new(KindKey, (_, _) => ValueTask.FromResult(new Question(KindKey, "What type of cleanup?", new Field(KindKey, FieldKind.Choice, "Cleanup")
            {
                Options = [new("deprecated", "Deprecated schemas"), new("test", "Test schemas")],
            }))),
        ];
    }
}
