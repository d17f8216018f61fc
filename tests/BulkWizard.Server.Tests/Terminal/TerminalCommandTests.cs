using BulkWizard.Server.Terminal;

namespace BulkWizard.Server.Tests.Terminal;

/// <summary>Which arguments start the terminal wizard and which the MCP server, as MCP clients start it (with settings only).</summary>
public sealed class TerminalCommandTests
{
    [Theory]
    [InlineData]
    [InlineData("--config", "bulkwizard.json")]
    [InlineData("--BulkWizard:DataDirectory=/data")]
    public void Parse_NoCommand_IsTheMcpServer(params string[] args) => Assert.Null(TerminalCommand.Parse(args));

    [Fact]
    public void Parse_WizardWithTypeAndSettings_TypeApartFromTheSettings()
    {
        var command = TerminalCommand.Parse(["wizard", "cleanup", "--registry", "lab", "--batch_size", "5"])!;

        Assert.False(command.Help);
        Assert.Equal("cleanup", command.OperationType);
        Assert.Equal(["--registry", "lab", "--batch_size", "5"], command.Settings);
    }

    [Fact]
    public void Parse_WizardWithoutType_SettingsOnly_TheWizardAsksTheType()
    {
        var command = TerminalCommand.Parse(["wizard", "--registry", "lab"])!;

        Assert.Null(command.OperationType);
        Assert.Equal(["--registry", "lab"], command.Settings);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("wizard", "--help")]
    [InlineData("wizard", "cleanup", "-h")]
    [InlineData("apply", "plan.json", "--help")]
    public void Parse_Help_AnywhereInTheCommand(params string[] args) => Assert.True(TerminalCommand.Parse(args)!.Help);

    [Fact]
    public void Parse_ApplyWithFileAndSettings_FileApartFromTheSettings()
    {
        var command = TerminalCommand.Parse(["apply", "exports/plan_1.json", "--registry", "lab"])!;

        Assert.Equal(("exports/plan_1.json", null), (command.PlanFile, command.OperationType));
        Assert.Equal(["--registry", "lab"], command.Settings);
    }

    [Fact]
    public void Parse_ApplyWithoutFile_AnEmptyFileTheProgramRefuses()
    {
        var command = TerminalCommand.Parse(["apply", "--registry", "lab"])!;

        Assert.Equal("", command.PlanFile);
        Assert.Equal(["--registry", "lab"], command.Settings);
    }
}
