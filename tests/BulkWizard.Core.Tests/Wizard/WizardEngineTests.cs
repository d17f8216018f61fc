using System.Text.Json.Nodes;
using BulkWizard.Core.Wizard;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Core.Tests.Wizard;

public sealed class WizardEngineTests
{
    private static readonly Field Pattern = new("pattern", FieldKind.Choice, "Pattern") { Options = [new("test-*", "test-*"), new("*", "*")] };
    private static readonly Field UpdateType = new("update_type", FieldKind.Choice, "Update") { Options = [new("compatibility", "Compatibility"), new("metadata", "Metadata")] };
    private static readonly Field Level = new("compatibility", FieldKind.Choice, "Level") { Options = [new("FULL", "FULL"), new("NONE", "NONE")] };

    private sealed class ThreeSteps : IWizardDefinition
    {
        public string OperationType => "schema_update";

        public IReadOnlyList<WizardStep> Steps { get; } =
        [
            new("select", (_, _) => ValueTask.FromResult(new Question("select", "Select schemas to update", Pattern))),
            new("update_type", (_, _) => ValueTask.FromResult(new Question("update_type", "What would you like to update?", UpdateType))),
            new("compatibility", (_, _) => ValueTask.FromResult(new Question("compatibility", "Select new compatibility level", Level)))
            {
                Applies = answers => answers.GetString("update_type") == "compatibility",
            },
        ];
    }

    private static WizardSession NewSession() => new WizardSessionStore(new FakeTimeProvider()).Create(new ThreeSteps(), "sandbox");

    [Fact]
    public async Task Steps_AskedInOrder_SkippingThoseWhoseRuleFails()
    {
        var session = NewSession();

        var asked = new List<string>();
        foreach (var answer in new[] { ("pattern", "test-*"), ("update_type", "metadata") })
        {
            asked.Add((await WizardEngine.NextQuestionAsync(session, default))!.Message);
            Assert.Empty(WizardEngine.Submit(session, new JsonObject { [answer.Item1] = answer.Item2 }));
        }

        Assert.Equal(["Select schemas to update", "What would you like to update?"], asked);
        Assert.Null(await WizardEngine.NextQuestionAsync(session, default));
    }

    [Fact]
    public async Task Proposed_ValidAnswers_SkipTheirQuestions()
    {
        var session = NewSession();
        session.Proposed["pattern"] = "test-*";
        session.Proposed["update_type"] = "compatibility";

        var question = await WizardEngine.NextQuestionAsync(session, default);

        Assert.Equal("Select new compatibility level", question!.Message);
        Assert.Equal("test-*", session.Answers.GetString("pattern"));
    }

    [Fact]
    public async Task Proposed_InvalidAnswer_ErrorNamesFieldAndNothingStored()
    {
        var session = NewSession();
        session.Proposed["pattern"] = "prod-*";

        var error = await Assert.ThrowsAsync<WizardInputException>(() => WizardEngine.NextQuestionAsync(session, default));

        Assert.Equal("pattern: 'prod-*' is not allowed: use one of test-*, *.", error.Message);
        Assert.Empty(session.Answers.Keys);
    }

    [Fact]
    public async Task Submit_InvalidAnswer_KeepsQuestionPendingAndReportsError()
    {
        var session = NewSession();
        await WizardEngine.NextQuestionAsync(session, default);

        var errors = WizardEngine.Submit(session, new JsonObject { ["pattern"] = "nope" });

        Assert.Equal(["pattern: 'nope' is not allowed: use one of test-*, *."], errors);
        Assert.Equal("Select schemas to update", session.Pending!.Message);
    }

    [Fact]
    public async Task Back_ForgetsLastAnswerAndAsksItAgain()
    {
        var session = NewSession();
        await WizardEngine.NextQuestionAsync(session, default);
        WizardEngine.Submit(session, new JsonObject { ["pattern"] = "test-*" });
        await WizardEngine.NextQuestionAsync(session, default);
        WizardEngine.Submit(session, new JsonObject { ["update_type"] = "compatibility" });

        Assert.True(WizardEngine.Back(session));
        var again = await WizardEngine.NextQuestionAsync(session, default);

        Assert.Equal("What would you like to update?", again!.Message);
        Assert.False(session.Answers.Has("update_type"));
        Assert.Equal("test-*", session.Answers.GetString("pattern"));
    }

    [Fact]
    public void Back_AtFirstQuestion_ReturnsFalse()
    {
        Assert.False(WizardEngine.Back(NewSession()));
    }

    [Fact]
    public void Store_IdleSessionExpiresAfter30Minutes()
    {
        var clock = new FakeTimeProvider();
        var store = new WizardSessionStore(clock);
        var session = store.Create(new ThreeSteps(), "sandbox");

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Same(session, store.Find(session.Id));
        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(store.Find(session.Id));
    }
}
