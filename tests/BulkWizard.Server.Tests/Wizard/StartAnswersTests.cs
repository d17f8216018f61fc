using System.Text.Json;
using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Wizard;
using BulkWizard.Server.Tests.Support;
using BulkWizard.Server.Wizard;

namespace BulkWizard.Server.Tests.Wizard;

/// <summary><c>start_bulk_wizard</c>'s operation answers: one object, read by the chosen operation's arguments record once its type is known.</summary>
public sealed class StartAnswersTests
{
    [Fact]
    public void Merge_FlatParametersJoinTheAnswersObject()
    {
        var merged = StartAnswers.Merge(JsonSerializer.SerializeToElement(new { convention = "kebab_case" }), ("update_type", "naming"), ("compatibility", null));

        Assert.Equal("""{"convention":"kebab_case","update_type":"naming"}""", merged.ToJsonString());
    }

    [Fact]
    public void Merge_SameValueGivenTwice_Accepted() =>
        Assert.Equal("naming", StartAnswers.Merge(JsonSerializer.SerializeToElement(new { update_type = "naming" }), ("update_type", "naming"))["update_type"]!.GetValue<string>());

    [Fact]
    public void Merge_DifferentValuesGivenTwice_ErrorNamesTheArgument()
    {
        var error = Assert.Throws<WizardInputException>(() => StartAnswers.Merge(JsonSerializer.SerializeToElement(new { update_type = "naming" }), ("update_type", "metadata")));

        Assert.Equal("update_type: given as 'metadata' and in answers as \"naming\"; give it once.", error.Message);
    }

    [Fact]
    public void Merge_NotAnObject_Refused() =>
        Assert.StartsWith("answers: give an object", Assert.Throws<WizardInputException>(() => StartAnswers.Merge(JsonSerializer.SerializeToElement("kind=test"))).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Answers_WithoutOperationType_WaitForItThenSkipTheirQuestions()
    {
        var harness = new ConversationHarness(new ReviewedOperation());
        var session = harness.Conversation.Open(new WizardStart { Answers = new JsonObject { ["kind"] = "test" } });

        var first = await harness.Conversation.AdvanceAsync(session, [], null, default);
        var next = await harness.Conversation.AnswerAsync(session, "answer", new JsonObject { ["operation_type"] = "cleanup" }, default);

        Assert.Equal("operation_type", first.Question!.Step);
        Assert.Equal("consumers", next.Question!.Step);
        Assert.Equal("test", session.Answers.GetString("kind"));
    }

    [Fact]
    public async Task Answers_NotAllowedForTheChosenOperation_ErrorNamesTheField()
    {
        var harness = new ConversationHarness(new ReviewedOperation());
        var session = harness.Conversation.Open(new WizardStart { Answers = new JsonObject { ["kind"] = "old_versions" } });
        await harness.Conversation.AdvanceAsync(session, [], null, default);

        var error = await Assert.ThrowsAsync<WizardInputException>(() =>
            harness.Conversation.AnswerAsync(session, "answer", new JsonObject { ["operation_type"] = "cleanup" }, default));

        Assert.Equal("kind: 'old_versions' is not allowed: use one of deprecated, test.", error.Message);
    }

    [Fact]
    public void Answers_WithOperationType_ReadAtOnce()
    {
        var harness = new ConversationHarness(new ReviewedOperation());

        var error = Assert.Throws<WizardInputException>(() =>
            harness.Conversation.Open(new WizardStart { OperationType = "cleanup", Answers = new JsonObject { ["update_type"] = "naming" } }));

        Assert.Equal("answers: 'update_type' is not an argument of cleanup; use kind, consumer_action.", error.Message);
    }

    [Fact]
    public void Open_BadRunSettingOrPattern_RefusedBeforeAnySession()
    {
        var harness = new ConversationHarness(new ReviewedOperation());

        var batch = Assert.Throws<WizardInputException>(() => harness.Conversation.Open(new WizardStart { Run = new RunSettings { BatchSize = 0 } }));
        var pattern = Assert.Throws<WizardInputException>(() => harness.Conversation.Open(new WizardStart { Selection = new SelectionArguments(Pattern: "") }));

        Assert.Equal("batch_size: allowed 1 to 1000.", batch.Message);
        Assert.StartsWith("pattern: empty;", pattern.Message, StringComparison.Ordinal);
    }
}
