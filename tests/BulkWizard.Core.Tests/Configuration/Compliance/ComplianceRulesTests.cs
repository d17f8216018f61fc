using BulkWizard.Core.Configuration.Compliance;

namespace BulkWizard.Core.Tests.Configuration.Compliance;

/// <summary>Rules from the built-in defaults or a file; a bad file is refused naming the file and the field.</summary>
public sealed class ComplianceRulesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bulkwizard-rules-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_NoPath_BuiltInDefaults()
    {
        var rules = ComplianceRules.Load(null);

        Assert.Same(ComplianceRules.Defaults, rules);
        Assert.Equal(("built-in defaults", "BACKWARD", true, true), (rules.Source, rules.CompatibilityAtLeast, rules.Normalize, rules.ValidateFields));
        Assert.Equal(["owner"], rules.RequiredProperties);
        Assert.Equal(["BACKWARD", "BACKWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE"], rules.AcceptedLevels);
    }

    [Fact]
    public void Load_File_EachRuleAsWrittenAndRulesLeftOutNotJudged()
    {
        var full = Write("full.json", """
            // The organization's rules.
            {"compatibility": {"at_least": "full"}, "normalize": true, "validate_fields": false, "required_properties": ["owner", "team"],}
            """);
        var partial = Write("partial.json", """{"required_properties": ["owner"]}""");

        var rules = ComplianceRules.Load(full);
        var onlyOwner = ComplianceRules.Load(partial);

        Assert.Equal((full, "FULL", true, false), (rules.Source, rules.CompatibilityAtLeast, rules.Normalize, rules.ValidateFields));
        Assert.Equal(["owner", "team"], rules.RequiredProperties);
        Assert.Equal(["FULL", "FULL_TRANSITIVE"], rules.AcceptedLevels);
        Assert.Equal((null, false, false), (onlyOwner.CompatibilityAtLeast, onlyOwner.Normalize, onlyOwner.ValidateFields));
        Assert.Empty(onlyOwner.AcceptedLevels);
    }

    [Theory]
    [InlineData("""{"validateFields": true}""", "validateFields: unknown rule; the rules are compatibility, normalize, validate_fields, required_properties.")]
    [InlineData("""{"compatibility": "BACKWARD"}""", "compatibility: must be an object with one member, at_least, e.g. {\"at_least\": \"BACKWARD\"}.")]
    [InlineData("""{"compatibility": {"at_least": "STRICT"}}""", "compatibility.at_least: \"STRICT\" is not a compatibility level; give one of NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE.")]
    [InlineData("""{"compatibility": {"at_least": "FULL", "at_most": "FULL"}}""", "compatibility.at_most: unknown member; the only one is at_least.")]
    [InlineData("""{"normalize": "yes"}""", "normalize: \"yes\" is not true or false.")]
    [InlineData("""{"required_properties": "owner"}""", "required_properties: must be a list of property keys, e.g. [\"owner\", \"team\"].")]
    [InlineData("""{"required_properties": ["owner", ""]}""", "required_properties[1]: \"\" is not a property key; give a non-empty string.")]
    [InlineData("""{"required_properties": ["owner", "owner"]}""", "required_properties[1]: 'owner' is listed twice.")]
    [InlineData("""["owner"]""", "must hold one JSON object, e.g. {\"compatibility\": {\"at_least\": \"BACKWARD\"}}.")]
    [InlineData("""{"normalize": tru}""", "not valid JSON (line 1, position 18).")]
    public void Load_BadFile_ErrorNamesTheFileAndTheField(string content, string problem)
    {
        var path = Write("rules.json", content);

        var error = Assert.Throws<ComplianceRulesException>(() => ComplianceRules.Load(path));

        Assert.Equal($"Compliance rules file {path}: {problem}", error.Message);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void Load_MissingFile_ErrorNamesTheFile()
    {
        var path = Path.Combine(_folder, "absent.json");

        var error = Assert.Throws<ComplianceRulesException>(() => ComplianceRules.Load(path));

        Assert.Equal($"Compliance rules file {path}: not found.", error.Message);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
