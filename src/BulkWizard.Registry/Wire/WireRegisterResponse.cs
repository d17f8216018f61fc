namespace BulkWizard.Registry.Wire;

/// <summary><c>{"id": 1}</c>, plus <c>version</c> and <c>guid</c> from 8.0 on.</summary>
internal sealed record WireRegisterResponse(int Id, int? Version, string? Guid);
