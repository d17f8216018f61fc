using BulkWizard.Core.Configuration;

namespace BulkWizard.Core.Tests.Configuration;

public sealed class ConfigurationArgumentsTests
{
    [Theory]
    [InlineData("acl", null, null, null, "configuration_type: 'acl' is not allowed: use one of mode, security, retention, compliance.")]
    [InlineData("mode", "galaxy", null, null, "scope: 'galaxy' is not allowed: use one of subjects, context, default_context, all_contexts.")]
    [InlineData("mode", "subjects", ".staging", null, "context: only for scope 'context', not 'subjects'.")]
    [InlineData("mode", "context", ":.__GLOBAL:", null, "context: ':.__GLOBAL:' holds the settings of every context: use scope 'all_contexts'.")]
    [InlineData("mode", "context", "a:b", null, "context: 'a:b' is not a context name: give one such as .staging (or :.staging:).")]
    [InlineData("mode", "context", ".staging", "FORWARD", "mode: 'FORWARD' (registries 8.1 and later, global context only) is not offered; use one of READWRITE, READONLY, IMPORT, inherit.")]
    [InlineData("mode", "context", "staging", "readonly", null)]
    [InlineData("mode", "context", "staging", "Inherit", null)]
    public void Validate_ModeArguments_NameTheFieldAndWhatIsAllowed(string type, string? scope, string? context, string? mode, string? expected) =>
        Assert.Equal(expected, new ConfigurationArguments { ConfigurationType = type, Scope = scope, Context = context, Mode = mode }.Validate());

    [Theory]
    [InlineData("$.ssn", null, null, "tags: '$.ssn' is not allowed: give schema path = tags, entries separated by ';', e.g. $.ssn=PII,SENSITIVE; $.email=PII.")]
    [InlineData("$.ssn=", null, null, "tags: '$.ssn=' names no tag; give schema path = tags, entries separated by ';', e.g. $.ssn=PII,SENSITIVE; $.email=PII.")]
    [InlineData(null, "confluent:version=3", null, "properties: 'confluent:version' is kept by the registry (keys starting with confluent:).")]
    [InlineData(null, null, "{\"acl\": []}", "rule_set: 'acl' is not part of a rule set; use migrationRules, domainRules, encodingRules.")]
    [InlineData(null, null, "[{\"name\": \"1bad\", \"type\": \"CEL\"}]", "rule_set: rule name '1bad' is not allowed: letters, digits, _ and -, not starting with a digit or -.")]
    [InlineData(null, null, "[{\"name\": \"a\", \"type\": \"CEL\", \"mode\": \"UPGRADE\"}]", "rule_set: mode of rule 'a': 'UPGRADE' is not allowed: use one of WRITE, READ, WRITEREAD.")]
    [InlineData("$.ssn=PII; $.email=PII,CONTACT", "owner=team-a, domain=payments", "[{\"name\": \"a\", \"type\": \"CEL\"}]", null)]
    public void Validate_SecurityTexts_NameTheFieldAndTheFormat(string? tags, string? properties, string? ruleSet, string? expected) =>
        Assert.Equal(expected, new ConfigurationArguments { ConfigurationType = "security", Tags = tags, Properties = properties, RuleSet = ruleSet }.Validate());

    [Theory]
    [InlineData(null, null, null, null, "configuration_type: missing for a configuration; give one of mode, security, retention, compliance.")]
    [InlineData("mode", null, null, null, "scope: missing for a configuration; give one of subjects, context, default_context, all_contexts (subjects is implied by a pattern).")]
    [InlineData("mode", "context", null, "READONLY", "context: missing for scope 'context'; give the context, e.g. .staging.")]
    [InlineData("mode", "all_contexts", null, null, "mode: missing for configuration_type 'mode'; give one of READWRITE, READONLY, IMPORT, inherit.")]
    [InlineData("security", "default_context", null, null, "tags, properties, sensitive, rule_set: give at least one for configuration_type 'security'.")]
    [InlineData("mode", "all_contexts", null, "IMPORT", null)]
    public void Missing_NamesWhatCannotBePlannedWithout(string? type, string? scope, string? context, string? mode, string? expected) =>
        Assert.Equal(expected, new ConfigurationArguments { ConfigurationType = type, Scope = scope, Context = context, Mode = mode }.Missing());

    [Theory]
    [InlineData("context", "orders-*", "pattern: only for scope 'subjects', not 'context': the context scope sets one setting above the subjects; leave pattern out.")]
    [InlineData("subjects", null, "pattern: missing for scope 'subjects'; give the subjects to configure, e.g. orders-* or :.staging:*.")]
    [InlineData("subjects", "orders-*", null)]
    [InlineData("all_contexts", null, null)]
    public void PatternProblem_OnlyScopeSubjectsTakesAPattern_AndNeedsOne(string scope, string? pattern, string? expected) =>
        Assert.Equal(expected, new ConfigurationArguments { ConfigurationType = "mode", Scope = scope }.PatternProblem(pattern));

    [Theory]
    [InlineData("retention", 0, null, null, "keep_last: 0 is not allowed: give a whole number of at least 1 (the newest live versions kept per subject).")]
    [InlineData("retention", null, 0, null, "older_than_days: 0 is not allowed: give a whole number of days from 1 to 36500.")]
    [InlineData("compliance", null, null, "normalize,acl", "fix: 'acl' is not allowed: use one of all, compatibility, normalize, validate_fields, required_properties.")]
    [InlineData("mode", 3, null, null, "keep_last: only for configuration_type 'retention', not 'mode'.")]
    [InlineData("security", null, null, "all", "fix: only for configuration_type 'compliance', not 'security'.")]
    [InlineData("retention", 3, 90, null, null)]
    [InlineData("compliance", null, null, "normalize, validate_fields", null)]
    public void Validate_RetentionAndComplianceArguments_NameTheField(string type, int? keepLast, int? olderThanDays, string? fix, string? expected) =>
        Assert.Equal(expected, new ConfigurationArguments { ConfigurationType = type, KeepLast = keepLast, OlderThanDays = olderThanDays, Fix = fix }.Validate());

    [Fact]
    public void Validate_PolicyInMetadata_OnlyForRetention() =>
        Assert.Equal("policy_in_metadata: only for configuration_type 'retention', not 'security'.",
            new ConfigurationArguments { ConfigurationType = "security", Tags = "$.id=PII", PolicyInMetadata = true }.Validate());

    [Fact]
    public void Missing_Retention_NeedsKeepLastOrOlderThanDays() =>
        Assert.Equal("keep_last, older_than_days: give at least one for configuration_type 'retention'.",
            new ConfigurationArguments { ConfigurationType = "retention", Scope = "all_contexts" }.Missing());

    [Fact]
    public void Proposals_NormalizeModeAndContext()
    {
        var proposals = new ConfigurationArguments { ConfigurationType = "mode", Scope = "context", Context = "staging", Mode = "readonly", Force = false, UnknownImpact = "proceed" }.Proposals();

        Assert.Equal("READONLY", proposals["mode"].GetValue<string>());
        Assert.Equal(".staging", proposals["context"].GetValue<string>());
        Assert.False(proposals["force"].GetValue<bool>());
        Assert.Equal("proceed", proposals["unknown_impact"].GetValue<string>());
    }
}
