namespace BulkWizard.Core.Execution;

/// <summary>The run was refused before anything was read or written (bad config, no backup where one is required, wrong registry).</summary>
public sealed class ExecutionRefusedException(string message) : Exception(message);
