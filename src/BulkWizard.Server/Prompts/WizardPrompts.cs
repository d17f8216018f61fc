using System.ComponentModel;
using System.Text.Json.Nodes;
using BulkWizard.Compatibility;
using BulkWizard.Core.Registry;
using BulkWizard.Core.SchemaUpdate.Naming;
using BulkWizard.Core.Templates;
using BulkWizard.Core.Wizard;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace BulkWizard.Server.Prompts;

/// <summary>
/// Prompts for the common jobs. Each returns one message telling the assistant the exact <c>start_bulk_wizard</c> call
/// (from the job's built-in template and the arguments given), and that the person confirms the plan.
/// </summary>
[McpServerPromptType]
public sealed class WizardPrompts(IRegistryGatewayProvider registries)
{
    private const string RegistryText = "Configured registry (see list_registries); the default registry when omitted.";

    [McpServerPrompt(Name = "clean_up_test_schemas", Title = "Clean up test schemas")]
    [Description("Soft-deletes the test schemas of a registry (names with the test prefixes, test- by default), reference-safe and backed up, after a preview and a dry run.")]
    public GetPromptResult CleanUpTestSchemas(
        [Description(RegistryText)] string? registry = null,
        [Description("Narrows the test schemas, e.g. test-orders-* or :*:test-* for every context; the test prefixes of the default context when omitted.")] string? pattern = null)
    {
        var call = WizardStartCall.Arguments(BuiltInTemplates.CleanUpTestSchemas, Registry("registry", registry), pattern);
        return Reply("Cleaning up test schemas", WizardStartCall.Instruction(
            $"Clean up the test schemas of registry '{RegistryName(registry)}'{(pattern is null ? "" : $" that match {pattern}")}: soft-delete them, keeping their ids readable.", call));
    }

    [McpServerPrompt(Name = "raise_compatibility", Title = "Raise compatibility in a context")]
    [Description("Sets a compatibility level on every subject of a context, after a preview that shows each subject's level before and warns where existing versions would not satisfy it.")]
    public GetPromptResult RaiseCompatibility(
        [Description("The context: '.' for the default context, or a name such as .staging.")] string context,
        [Description("NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL or FULL_TRANSITIVE.")] string level,
        [Description(RegistryText)] string? registry = null)
    {
        if (!CompatibilityLevels.TryParse(level, out var parsed))
        {
            throw PromptArgumentException.Invalid("level", $"'{level}' is not a compatibility level; use one of {string.Join(", ", Enum.GetValues<CompatibilityLevel>().Select(l => l.Format()))}.");
        }

        var named = ContextName(context);
        var pattern = named == "." ? "*" : $":{named}:*";
        var call = WizardStartCall.Arguments(BuiltInTemplates.RaiseCompatibility, Registry("registry", registry), pattern, new JsonObject { ["compatibility"] = parsed.Format() });
        return Reply("Raising compatibility", WizardStartCall.Instruction(
            $"Set compatibility {parsed.Format()} on every subject of context {named} in registry '{RegistryName(registry)}'.", call));
    }

    [McpServerPrompt(Name = "migrate_context_to_registry", Title = "Migrate a context to another registry")]
    [Description("Copies the subjects of a context to the same context of another configured registry, ids and versions preserved, conflicts reported before any write; the source is kept.")]
    public GetPromptResult MigrateContextToRegistry(
        [Description("Configured registry to migrate from.")] string source,
        [Description("Configured registry to migrate to.")] string target,
        [Description("The context to migrate: '.' for the default context, or a name such as .staging.")] string context)
    {
        var from = Registry("source", source)!;
        var to = Registry("target", target)!;
        if (string.Equals(from, to, StringComparison.OrdinalIgnoreCase))
        {
            throw PromptArgumentException.Invalid("target", $"'{target}' is the source registry; name another configured registry.");
        }

        var named = ContextName(context);
        var call = WizardStartCall.Arguments(BuiltInTemplates.MigrateContext, from, "*", new JsonObject
        {
            ["target_registry"] = to,
            ["source_context"] = named,
            ["target_context"] = named,
        });
        return Reply("Migrating a context", WizardStartCall.Instruction(
            $"Copy every subject of context {named} from registry '{from}' to the same context of registry '{to}', with their ids and versions.", call));
    }

    [McpServerPrompt(Name = "apply_naming_convention", Title = "Apply a naming convention")]
    [Description("Adds conforming names (aliases) for the subjects that break a naming convention; check_naming shows them first.")]
    public GetPromptResult ApplyNamingConvention(
        [Description("Subjects to check, e.g. orders-* or :.staging:*.")] string pattern,
        [Description("topic_name, record_name, topic_record_name, kebab_case, snake_case, camel_case, prefix:<text> or context:<.name>.")] string convention,
        [Description(RegistryText)] string? registry = null)
    {
        string written;
        try
        {
            written = NamingConvention.Parse(convention).ToString();
        }
        catch (WizardInputException e)
        {
            throw PromptArgumentException.Invalid("convention", e.Message);
        }

        var call = WizardStartCall.Arguments(BuiltInTemplates.ApplyNamingConvention, Registry("registry", registry), pattern, new JsonObject { ["convention"] = written });
        return Reply("Applying a naming convention", WizardStartCall.Instruction(
            $"Give the subjects matching {pattern} in registry '{RegistryName(registry)}' names that follow {written}.", call));
    }

    /// <summary>The registry as configured (its own spelling), or null for the default; an unknown name is refused, naming the argument.</summary>
    private string? Registry(string argument, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return registries.Registries.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))?.Name
            ?? throw PromptArgumentException.Invalid(argument, $"no registry '{name}'; configured: {string.Join(", ", registries.Registries.Select(r => r.Name))}.");
    }

    private string RegistryName(string? name) => Registry("registry", name) ?? registries.Default.Name;

    /// <summary>A context as the registry writes it: '.' or a leading dot (staging → .staging).</summary>
    private static string ContextName(string context)
    {
        var trimmed = context.Trim();
        if (trimmed.Contains(':') || trimmed.Contains('*') || trimmed.Any(char.IsControl))
        {
            throw PromptArgumentException.Invalid("context", $"'{context}' is not a context name; use '.' or a name such as .staging.");
        }

        return trimmed is "" or "." ? "." : trimmed.StartsWith('.') ? trimmed : "." + trimmed;
    }

    private static GetPromptResult Reply(string description, string text) => new()
    {
        Description = description,
        Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text } }],
    };
}
