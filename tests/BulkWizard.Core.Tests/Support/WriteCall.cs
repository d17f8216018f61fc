namespace BulkWizard.Core.Tests.Support;

/// <summary>A write seen by <see cref="InterceptingGateway"/>: its kind (config, mode, register, …) and target.</summary>
internal sealed record WriteCall(string Kind, string Target);
