namespace BulkWizard.Server.Configuration;

/// <summary>A setting is invalid; the message is one line naming the setting and what is allowed.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
