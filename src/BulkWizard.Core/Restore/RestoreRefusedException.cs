namespace BulkWizard.Core.Restore;

/// <summary>A restore that would overwrite something it must not (a version number another schema now holds); nothing was written.</summary>
internal sealed class RestoreRefusedException(string message) : Exception(message);
