using System.Text.Json.Nodes;
using BulkWizard.Core.Operations;
using BulkWizard.Core.Plans;
using BulkWizard.Core.Wizard;
using BulkWizard.Server.Tests.Support;
using BulkWizard.Server.Wizard;

namespace BulkWizard.Server.Tests.Wizard;

/// <summary>
/// An operation's review steps, between its plan and its confirmation, through the no-forms path: asked before the
/// plan is handed out, answered up front, or ending the wizard.
/// </summary>
public sealed class PlanReviewTests
{
    private static readonly ReviewedOperation Operation = new();

    private static WizardSession Start(ConversationHarness harness, JsonObject? answers = null, string? operationType = ReviewedOperation.Type) =>
        harness.Conversation.Open(new WizardStart { OperationType = operationType, Answers = answers ?? new JsonObject { ["kind"] = "test" } });

    [Fact]
    public async Task ReviewQuestion_AskedAfterPlanningBeforeThePlanIsHandedOut()
    {
        var harness = new ConversationHarness(Operation);

        var reply = await harness.Conversation.AdvanceAsync(Start(harness), [], null, default);

        Assert.Equal("needs_input", reply.Status);
        Assert.Equal((ReviewedOperation.ReviewMessage, "consumers"), (reply.Question!.Message, reply.Question.Step));
        Assert.Null(reply.Plan);
        Assert.Single(harness.Plans.Saved);
    }

    [Fact]
    public async Task ReviewAnswer_AnnotatesThePlan_WhichIsSealedAndSavedAgain()
    {
        var harness = new ConversationHarness(Operation);
        var session = Start(harness);
        await harness.Conversation.AdvanceAsync(session, [], null, default);

        var reply = await harness.Conversation.AnswerAsync(session, "answer", new JsonObject { ["consumer_action"] = "skip" }, default);

        Assert.Equal("planned", reply.Status);
        var saved = harness.Plans.Saved[^1];
        Assert.Equal(saved.Id, reply.Plan!.PlanId);
        Assert.Equal(saved.Hash, reply.Plan.PlanHash);
        Assert.Contains(ReviewedOperation.SkipNote, saved.Warnings);
        Assert.Equal(PlanIdentity.Seal(saved).Hash, saved.Hash);
        Assert.NotEqual(harness.Plans.Saved[0].Hash, saved.Hash);
    }

    [Fact]
    public async Task ReviewAnswer_NotAllowed_AskedAgainWithTheError()
    {
        var harness = new ConversationHarness(Operation);
        var session = Start(harness);
        await harness.Conversation.AdvanceAsync(session, [], null, default);

        var reply = await harness.Conversation.AnswerAsync(session, "answer", new JsonObject { ["consumer_action"] = "ignore" }, default);

        Assert.Equal("needs_input", reply.Status);
        Assert.Equal("consumers", reply.Question!.Step);
        Assert.Equal(["consumer_action: 'ignore' is not allowed: use one of wait, force, skip, cancel."], reply.Errors);
    }

    [Theory]
    [InlineData("cancel", "cancelled", "Cancelled at the consumer check. Nothing was changed.")]
    [InlineData("wait", "refused", "consumer_action: waiting for consumers needs a Kafka connection, and none is configured. Nothing was changed.")]
    public async Task ReviewAnswer_CancelOrRefuse_EndsTheWizard(string action, string status, string message)
    {
        var harness = new ConversationHarness(Operation);
        var session = Start(harness);
        await harness.Conversation.AdvanceAsync(session, [], null, default);

        var reply = await harness.Conversation.AnswerAsync(session, "answer", new JsonObject { ["consumer_action"] = action }, default);

        Assert.Equal((status, message), (reply.Status, reply.Message));
        Assert.Null(harness.Sessions.Find(session.Id));
    }

    [Fact]
    public async Task ReviewAnswerGivenUpFront_PlannedWithoutAsking()
    {
        var harness = new ConversationHarness(Operation);

        var reply = await harness.Conversation.PlanFromArgumentsAsync(new SelectionArguments(), new ReviewedArguments { Kind = "deprecated", ConsumerAction = "force" }, new RunSettings(), default);

        Assert.Equal("planned", reply.Status);
        Assert.Equal("Clean up deprecated schemas", reply.Plan!.Title);
    }

    [Fact]
    public async Task PlanningTool_ReviewNotAnswered_ErrorNamesTheField()
    {
        var harness = new ConversationHarness(Operation);

        var error = await Assert.ThrowsAsync<WizardInputException>(() =>
            harness.Conversation.PlanFromArgumentsAsync(new SelectionArguments(), new ReviewedArguments { Kind = "test" }, new RunSettings(), default));

        Assert.Equal(ReviewedOperation.ReviewMessage + " consumer_action: missing; give one of wait, force, skip, cancel.", error.Message);
    }

    [Fact]
    public async Task Back_FromTheReview_ForgetsThePlanAndAsksTheLastQuestionAgain()
    {
        var harness = new ConversationHarness(Operation);
        var session = Start(harness, new JsonObject());
        await harness.Conversation.AdvanceAsync(session, [], null, default);
        await harness.Conversation.AnswerAsync(session, "answer", new JsonObject { ["kind"] = "test" }, default);

        var back = await harness.Conversation.AnswerAsync(session, "back", [], default);
        var again = await harness.Conversation.AnswerAsync(session, "answer", new JsonObject { ["kind"] = "deprecated" }, default);

        Assert.Equal("kind", back.Question!.Step);
        Assert.Equal("consumers", again.Question!.Step);
        Assert.Equal(2, harness.Plans.Saved.Count);
    }
}
