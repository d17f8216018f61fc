using BulkWizard.Core.Wizard.Texts;

namespace BulkWizard.Core.Tests.Wizard;

public sealed class WizardTextsTests
{
    [Fact]
    public void Get_SharedAndOperationTexts_FromTheirOwnFiles()
    {
        Assert.Equal("This operation will affect 3 schemas. View details?", WizardTexts.Get("preview", 3));
        Assert.Equal("What would you like to update?", WizardTexts.Get("update_type"));
    }

    [Fact]
    public void Get_UnknownKey_NamesIt() =>
        Assert.Contains("'no_such_text'", Assert.Throws<KeyNotFoundException>(() => WizardTexts.Get("no_such_text")).Message, StringComparison.Ordinal);
}
