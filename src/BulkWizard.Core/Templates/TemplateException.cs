namespace BulkWizard.Core.Templates;

/// <summary>A template name or content that cannot be used; the message names the argument and what is allowed.</summary>
public sealed class TemplateException(string message) : Exception(message);
