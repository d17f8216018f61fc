namespace BulkWizard.Core.SchemaUpdate.Naming;

/// <summary>What a naming update asks for: the convention the selected subjects should follow, applied by alias.</summary>
internal sealed record NamingRequest(NamingConvention Convention);
