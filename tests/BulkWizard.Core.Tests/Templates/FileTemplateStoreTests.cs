using System.Text.Json.Nodes;
using BulkWizard.Core.Templates;
using BulkWizard.Core.Tests.Storage.Support;

namespace BulkWizard.Core.Tests.Templates;

public sealed class FileTemplateStoreTests
{
    [Fact]
    public async Task SaveAsync_ThenFindAndList_ReadBackUnderTemplatesBuiltInOnesFirst()
    {
        using var temp = new TempDataDirectory();
        var store = new FileTemplateStore(temp.Directory);

        await store.SaveAsync(Saved("older", 1), replace: false, CancellationToken.None);
        await store.SaveAsync(Saved("newer", 2), replace: false, CancellationToken.None);

        var found = await store.FindAsync("older", CancellationToken.None);
        Assert.Equal(("older", "schema_update", "FULL"), (found!.Name, found.OperationType, found.Answers["compatibility"]!.GetValue<string>()));
        Assert.True(File.Exists(Path.Combine(temp.Root, "templates", "older.json")));
        Assert.Equal([.. BuiltInTemplates.All.Select(t => t.Name), "newer", "older"], (await store.ListAsync(CancellationToken.None)).Select(t => t.Name));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    [InlineData("name.json")]
    public async Task SaveAndFind_PathLikeName_RefusedBeforeTouchingTheDisk(string name)
    {
        using var temp = new TempDataDirectory();
        var store = new FileTemplateStore(temp.Directory);

        var saving = await Assert.ThrowsAsync<TemplateException>(() => store.SaveAsync(Saved(name, 1), replace: true, CancellationToken.None));
        var finding = await Assert.ThrowsAsync<TemplateException>(() => store.FindAsync(name, CancellationToken.None));

        Assert.Equal($"name: '{name}' is not allowed; use {TemplateName.Allowed}.", saving.Message);
        Assert.Equal(saving.Message, finding.Message);
        Assert.False(Directory.Exists(temp.Root));
    }

    [Fact]
    public async Task FindAsync_BuiltInName_TheBuiltInTemplate()
    {
        using var temp = new TempDataDirectory();

        var template = await new FileTemplateStore(temp.Directory).FindAsync(BuiltInTemplates.CleanUpTestSchemas, CancellationToken.None);

        Assert.Equal(("cleanup", "test", true), (template!.OperationType, template.Arguments["cleanup_type"]!.GetValue<string>(), template.BuiltIn));
    }

    private static OperationTemplate Saved(string name, int minute) => new()
    {
        Name = name,
        OperationType = "schema_update",
        Answers = new JsonObject { ["compatibility"] = "FULL" },
        CreatedAt = new DateTimeOffset(2026, 12, 2, 8, minute, 0, TimeSpan.Zero),
    };
}
