using System.Text.Json.Nodes;
using BulkWizard.Core.Migration;
using BulkWizard.Core.Registry;

namespace BulkWizard.Core.Tests.Migration;

/// <summary>The migration preview names, per copied subject, what governs its registrations differently in the target.</summary>
public sealed class MigrationConfigDifferencesTests
{
    private const string Owner = """{"properties":{"owner":"team-a"}}""";

    [Fact]
    public async Task IntoANamedContext_EachCopyNamesTheFieldsItLosesOrGains_ASubjectWithTheSameConfigNamesNothing()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "orders-value", MigrationHarness.Record("Order"));
        await MigrationHarness.RegisterAsync(harness.Source, "payments-value", MigrationHarness.Record("Payment"));
        await harness.Source.PutConfigAsync(RegistryScope.Global, new RegistryConfig(new JsonObject { ["normalize"] = true, ["defaultMetadata"] = JsonNode.Parse(Owner) }), CancellationToken.None);
        await harness.Source.PutConfigAsync(RegistryScope.ForContext(".prod"), RegistryConfig.WithCompatibility("FULL"), CancellationToken.None);
        await harness.Source.PutConfigAsync(
            RegistryScope.ForSubject(QualifiedSubject.Parse("payments-value")),
            new RegistryConfig(new JsonObject { ["compatibility"] = "FULL", ["defaultMetadata"] = JsonNode.Parse(Owner) }),
            CancellationToken.None);

        var plan = await harness.PlanAsync(["orders-value", "payments-value"], null, ".prod");

        var orders = plan.Changes.Single(c => c.Subject == ":.prod:orders-value").Describe();
        Assert.Equal(
            "orders-value → :.prod:orders-value: import version(s) 1 (id 1); effective config differs in the target: compatibility BACKWARD (global) → FULL (context .prod); " +
            $"normalize true (global) → false (context .prod); defaultMetadata {Owner} (global) → none (context .prod)",
            orders);
        var payments = plan.Changes.Single(c => c.Subject == ":.prod:payments-value").Describe();
        Assert.DoesNotContain("effective config", payments, StringComparison.Ordinal);
        Assert.Contains(
            "Effective config differs in the target for 1 subject(s) (a named context does not inherit the default context's config; each copy's line says which fields, " +
            "from what to what): :.prod:orders-value: compatibility, normalize, defaultMetadata.",
            plan.Warnings);
    }

    [Fact]
    public async Task ManySubjectsDiffer_EveryCopyStillNamesItsDifferences_TheWarningCountsThemAll()
    {
        await using var harness = await MigrationHarness.StartAsync();
        var subjects = Enumerable.Range(1, 7).Select(n => $"s{n}").ToList();
        foreach (var subject in subjects)
        {
            await MigrationHarness.RegisterAsync(harness.Source, subject, MigrationHarness.Record("R" + subject));
        }

        await harness.Source.PutConfigAsync(RegistryScope.ForContext(".prod"), RegistryConfig.WithCompatibility("NONE"), CancellationToken.None);

        var plan = await harness.PlanAsync(subjects, null, ".prod");

        Assert.All(
            plan.Changes.Where(c => c.Subject.StartsWith(":.prod:s", StringComparison.Ordinal)),
            c => Assert.EndsWith("; effective config differs in the target: compatibility BACKWARD (global) → NONE (context .prod)", c.Describe(), StringComparison.Ordinal));
        Assert.Equal(7, plan.Changes.Count(c => c.Describe().Contains("effective config differs", StringComparison.Ordinal)));
        Assert.Contains(plan.Warnings, w => w.StartsWith("Effective config differs in the target for 7 subject(s)", StringComparison.Ordinal) && w.EndsWith("; ….", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSourceContextIsReadOnly_TheCopyNamesTheModeItGetsInTheTarget()
    {
        await using var harness = await MigrationHarness.StartAsync();
        await MigrationHarness.RegisterAsync(harness.Source, "orders-value", MigrationHarness.Record("Order"));
        await harness.Source.SetModeAsync(RegistryScope.ForContext("."), new RegistryMode("READONLY"), force: false, CancellationToken.None);

        var plan = await harness.PlanAsync(["orders-value"], "target", ".prod");

        Assert.EndsWith(
            "; effective config differs in the target: mode READONLY (global) → READWRITE (server default)",
            plan.Changes.Single(c => c.Subject == ":.prod:orders-value").Describe(),
            StringComparison.Ordinal);
    }
}
