using BulkWizard.Core.Registry;
using BulkWizard.Core.Wizard;
using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Operations;

/// <summary>
/// The wizard a session runs: "What kind of bulk operation?" first (listing the seed's four types; those
/// not built yet say so and are refused), then the steps of the chosen operation.
/// </summary>
public sealed class OperationWizard : IWizardDefinition
{
    private readonly Dictionary<string, IWizardDefinition> _byType;

    public OperationWizard(IReadOnlyList<IBulkOperation> operations, IRegistryGateway gateway)
    {
        _byType = operations.ToDictionary(o => o.OperationType, o => o.CreateWizard(gateway), StringComparer.Ordinal);
        var typeStep = new WizardStep(OperationTypes.Key, (_, _) => ValueTask.FromResult(TypeQuestion()));
        Steps = [typeStep, .. _byType.SelectMany(p => p.Value.Steps.Select(s => Gate(s, p.Key)))];
    }

    public string OperationType => OperationTypes.Key;

    public IReadOnlyList<WizardStep> Steps { get; }

    /// <summary>The chosen operation's own wizard, once the type is answered.</summary>
    public IWizardDefinition? Chosen(WizardAnswers answers) =>
        answers.GetString(OperationTypes.Key) is { } type ? _byType.GetValueOrDefault(type) : null;

    private static WizardStep Gate(WizardStep step, string type) =>
        step with { Applies = a => a.GetString(OperationTypes.Key) == type && step.Applies(a) };

    private Question TypeQuestion() => new(
        OperationTypes.Key,
        WizardTexts.Get("choose_operation"),
        new Field(OperationTypes.Key, FieldKind.Choice, "Operation")
        {
            Options = [.. OperationTypes.All.Select(t => new ChoiceOption(t, OperationTypes.Title(t), OperationTypes.Description(t)))],
            Rule = type => _byType.ContainsKey(type)
                ? null
                : $"operation_type: {OperationTypes.Title(type)} is not available yet; available: {string.Join(", ", _byType.Keys)}.",
        });
}
