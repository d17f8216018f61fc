using BulkWizard.Server.Completions;
using BulkWizard.Server.Prompts;
using BulkWizard.Server.Resources;
using BulkWizard.Server.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace BulkWizard.Server.Hosting;

/// <summary>
/// What the server offers besides tools: resources (with their listing, the links to them in tool results and the
/// notice when the list changes), prompts and completions.
/// </summary>
internal static class SurfaceBuilderExtensions
{
    public static IMcpServerBuilder WithResourcesPromptsAndCompletions(this IMcpServerBuilder builder)
    {
        builder.Services.AddSingleton<ResourceListChanges>();
        return builder
            .WithResources<BulkWizardResources>()
            .WithListResourcesHandler(ResourceListing.ListAsync)
            .WithPrompts<WizardPrompts>(ToolJson.Options)
            .WithRequestFilters(filters => filters
                .AddGetPromptFilter(RequiredPromptArguments.Check)
                .AddCallToolFilter(ResourceLinks.Add))
            .WithCompleteHandler(CompletionHandler.CompleteAsync);
    }
}
