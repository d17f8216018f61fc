using BulkWizard.Server.Completions;
using BulkWizard.Server.Prompts;
using BulkWizard.Server.Resources;
using BulkWizard.Server.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace BulkWizard.Server.Hosting;

/// <summary>What the server offers besides tools: resources (with their listing), prompts and completions.</summary>
internal static class SurfaceBuilderExtensions
{
    public static IMcpServerBuilder WithResourcesPromptsAndCompletions(this IMcpServerBuilder builder) => builder
        .WithResources<BulkWizardResources>()
        .WithListResourcesHandler(ResourceListing.ListAsync)
        .WithPrompts<WizardPrompts>(ToolJson.Options)
        .WithRequestFilters(filters => filters.AddGetPromptFilter(RequiredPromptArguments.Check))
        .WithCompleteHandler(CompletionHandler.CompleteAsync);
}
