namespace BulkWizard.Core.Wizard;

/// <summary>One allowed value of a choice field and the title shown for it.</summary>
public sealed record ChoiceOption(string Value, string Title, string? Description = null);
