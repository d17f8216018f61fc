using BulkWizard.Core.Operations;
using BulkWizard.Core.Wizard;
using Microsoft.Extensions.Time.Testing;

namespace BulkWizard.Core.Tests.Operations;

public sealed class SelectionArgumentsTests
{
    private sealed class NoSteps : IWizardDefinition
    {
        public string OperationType => "test";

        public IReadOnlyList<WizardStep> Steps => [];
    }

    private static WizardSession NewSession() => new WizardSessionStore(new FakeTimeProvider()).Create(new NoSteps(), "sandbox");

    [Fact]
    public void Validate_MalformedPattern_NamesPattern() =>
        Assert.StartsWith("pattern: ':.staging' opens a context with ':.' but does not close it", new SelectionArguments(Pattern: ":.staging").Validate(), StringComparison.Ordinal);

    [Fact]
    public void Validate_EmptySubjectName_NamesSubjects() =>
        Assert.Equal("subjects: a subject name is empty.", new SelectionArguments(Subjects: ["orders-value", " "]).Validate());

    [Fact]
    public void ApplyTo_Pattern_ProposesCustomSelection()
    {
        var session = NewSession();

        new SelectionArguments(Pattern: "test-*", IncludeDeleted: true).ApplyTo(session);

        Assert.Equal(("custom", "test-*"), (session.Proposed["selection"]!.GetValue<string>(), session.Proposed["pattern"]!.GetValue<string>()));
        Assert.True(session.Answers.GetBool("include_deleted"));
    }

    [Fact]
    public void ApplyTo_Subjects_ProposesIndividualSelection()
    {
        var session = NewSession();

        new SelectionArguments(Subjects: ["a-value", "b-value"]).ApplyTo(session);

        Assert.Equal("individual", session.Proposed["selection"]!.GetValue<string>());
        Assert.Equal(["a-value", "b-value"], session.Proposed["subjects"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Null(session.Answers.GetBool("include_deleted"));
    }
}
